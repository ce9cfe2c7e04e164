import { escapeHtml, renderPage } from './html.js';
import { IDENTITY_PATH } from './paths.js';
import type { Provider } from './settings.js';

export const CONSENT_PATH = `${IDENTITY_PATH}/__provider/consent`;

export const PROVIDER_NAMES: Record<Provider, string> = {
  bitbucket: 'Bitbucket',
  github: 'GitHub',
  gitlab: 'GitLab',
  google: 'Google',
  facebook: 'Facebook',
};

export interface ConsentPage {
  provider: Provider;
  state: string;
  email: string;
  name: string;
  siteHost: string;
  avatarUrl: string;
  error?: string;
}

/**
 * The page that stands in for GitHub, Google... : who to log in as, and Allow or Deny. A plain
 * form, so it works with no script and under a strict CSP.
 */
export function renderConsentPage(page: ConsentPage): string {
  const providerName = PROVIDER_NAMES[page.provider];
  const error = page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : '';
  return renderPage(
    `Sign in with ${providerName}`,
    `<main class="narrow">
<div class="card">
  <div class="provider">
    <img src="${escapeHtml(page.avatarUrl)}" alt="" width="48" height="48">
    <div>
      <h1>Sign in with ${escapeHtml(providerName)}</h1>
      <p class="meta"><strong>${escapeHtml(page.siteHost)}</strong> wants to know your name and email address.</p>
    </div>
  </div>
  <form method="post" action="${CONSENT_PATH}">
    <input type="hidden" name="state" value="${escapeHtml(page.state)}">
    ${error}
    <label for="consent-email">Email
      <input id="consent-email" name="email" type="email" autocomplete="email" required value="${escapeHtml(page.email)}">
    </label>
    <label for="consent-name">Name
      <input id="consent-name" name="name" type="text" autocomplete="name" value="${escapeHtml(page.name)}">
    </label>
    <div class="actions">
      <button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Deny</button>
      <button type="submit" name="decision" value="allow">Allow</button>
    </div>
  </form>
  <p class="note">This page stands in for ${escapeHtml(providerName)} on the local identity server: no account leaves this machine.</p>
</div>
</main>`,
  );
}

const AVATAR_COLORS = ['#00857a', '#3867d6', '#8854d0', '#c2410c', '#0f766e', '#be185d'];

/** A generated picture for the stand-in provider's profiles, served by this server. */
export function renderAvatar(name: string): string {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]!.toUpperCase())
      .join('') || '?';
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  const color = AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
<rect width="96" height="96" fill="${color}"/>
<text x="48" y="48" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="40" fill="#fff">${escapeHtml(initials)}</text>
</svg>`;
}
