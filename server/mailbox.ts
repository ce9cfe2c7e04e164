import { escapeHtml, renderPage } from './html.js';
import type { Mail } from './mail.js';

const TYPE_LABELS: Record<Mail['type'], string> = {
  confirmation: 'Confirmation',
  recovery: 'Password reset',
  invite: 'Invitation',
  email_change: 'Email change',
};

function renderMail(mail: Mail): string {
  const url = escapeHtml(mail.url);
  return `<li class="card mail">
  <div class="mail-head">
    <h2 class="mail-subject">${escapeHtml(mail.subject)}</h2>
    <span class="badge">${escapeHtml(TYPE_LABELS[mail.type])}</span>
  </div>
  <p class="meta">To <strong>${escapeHtml(mail.to)}</strong> · <time datetime="${escapeHtml(mail.sent_at)}">${escapeHtml(mail.sent_at.replace('T', ' ').slice(0, 19))} UTC</time></p>
  <p><a class="link" href="${url}">${url}</a></p>
</li>`;
}

/** The local mailbox: every captured mail, newest first, each link clickable. */
export function renderMailbox(mails: readonly Mail[], mailboxPath: string): string {
  const list =
    mails.length === 0
      ? '<p class="card empty">No mail yet. Sign up, ask for a password reset or send an invite, then reload.</p>'
      : `<ol class="mails" reversed>\n${[...mails].reverse().map(renderMail).join('\n')}\n</ol>`;
  return renderPage(
    'Mailbox · local Netlify Identity',
    `<main>
<header class="page-head">
  <div>
    <h1>Mailbox</h1>
    <p class="lede">Mail the local identity server would have sent (${mails.length}). Nothing leaves this machine.</p>
  </div>
  <a class="button secondary" href="${escapeHtml(mailboxPath)}">Reload</a>
</header>
${list}
</main>`,
  );
}
