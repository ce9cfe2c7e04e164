import '../dist/index.js';
import { getIdentityStore } from '../dist/store/index.js';
import type { IdentitySettings, User } from '../dist/store/index.js';

const API = '/.netlify/identity';

const who = document.querySelector<HTMLElement>('#who')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

function showUser(user: User | null): void {
  who.textContent = user ? `Logged in as ${user.name ?? user.email}.` : 'Nobody is logged in.';
}

const names = [
  'init',
  'login',
  'logout',
  'signup',
  'recovery',
  'user-updated',
  'token-refresh',
  'error',
  'open',
  'close',
];
// The events after which `detail.user` is the session's user; a signup that still needs
// confirmation carries the new account, who is not logged in.
const sessionEvents = new Set(['init', 'login', 'logout', 'recovery', 'user-updated']);

for (const name of names) {
  document.addEventListener(`netlify-identity-${name}`, (event) => {
    const detail = (event as CustomEvent<{ user?: User | null; error?: { code: string } }>).detail;
    if (sessionEvents.has(name)) showUser(detail.user ?? null);
    const item = document.createElement('li');
    const what = detail.error
      ? ` ${detail.error.code}`
      : detail.user
        ? ` ${detail.user.email}`
        : '';
    item.textContent = `${new Date().toLocaleTimeString()} ${event.type}${what}`;
    log.prepend(item);
  });
}

const settingsForm = document.querySelector<HTMLFormElement>('#settings')!;
const checkbox = (name: string) => settingsForm.elements.namedItem(name) as HTMLInputElement;
// The store already fetches /settings; reading its answer spares the page a second request.
const store = getIdentityStore();
const showSettings = (settings: IdentitySettings | null) => {
  if (!settings) return false;
  checkbox('autoconfirm').checked = settings.autoconfirm;
  checkbox('disable_signup').checked = settings.disableSignup;
  checkbox('github').checked = settings.providers.includes('github');
  checkbox('google').checked = settings.providers.includes('google');
  return true;
};
if (!showSettings(store.state.settings)) {
  const stop = store.subscribe((state) => {
    if (showSettings(state.settings)) stop();
  });
}
settingsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  await fetch(`${API}/__dev/settings`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      autoconfirm: checkbox('autoconfirm').checked,
      disable_signup: checkbox('disable_signup').checked,
      external: { github: checkbox('github').checked, google: checkbox('google').checked },
    }),
  });
  location.reload();
});

const inviteForm = document.querySelector<HTMLFormElement>('#invite')!;
inviteForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.querySelector<HTMLElement>('#invite-status')!;
  const field = (name: string) => (inviteForm.elements.namedItem(name) as HTMLInputElement).value;
  const email = field('email');
  const response = await fetch(`${API}/invite`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${field('token')}` },
    body: JSON.stringify({ email }),
  });
  status.textContent = response.ok
    ? `Invitation sent to ${email}: open it from the mailbox.`
    : `Could not invite ${email} (${response.status}).`;
});
