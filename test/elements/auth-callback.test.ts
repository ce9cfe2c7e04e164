import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyAuthCallback } from '../../src/elements/auth-callback/auth-callback.js';
import {
  api,
  buttonNamed,
  clearBrowserSession,
  cookie,
  createUser,
  passwordGrant,
  fill,
  lastMail,
  recordEvents,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const EMAIL = 'katherine@example.com';
const PASSWORD = 'orbital mechanics 1962';

function setHash(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#${hash}`);
}

async function renderCallback() {
  return renderWithStore<NetlifyAuthCallback>(
    html`<netlify-auth-callback></netlify-auth-callback>`,
  );
}

async function sessionIsReal(): Promise<void> {
  const jwt = cookie('nf_jwt');
  expect(jwt, 'nf_jwt cookie').to.be.a('string');
  const response = await fetch('/.netlify/identity/user', {
    headers: { Authorization: `Bearer ${jwt}` },
  });
  expect(response.status).to.equal(200);
}

describe('<netlify-auth-callback>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('renders nothing when there is no auth hash', async () => {
    const { element, store } = await renderCallback();
    expect(await store.handleCallback()).to.equal(null);
    await element.updateComplete;
    expect(element.textContent?.trim()).to.equal('');
  });

  it('confirms an email from the link, logs in with a real session and clears the hash', async () => {
    await api('/signup', {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const { token } = await lastMail(EMAIL, 'confirmation');
    setHash(`confirmation_token=${token}`);
    const recorder = recordEvents();
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    recorder.stop();
    expect(element.textContent).to.contain('Your email is confirmed');
    expect(location.hash).to.equal('');
    expect(store.state.user?.email).to.equal(EMAIL);
    const types = recorder.events.map((event) => event.type);
    expect(types.filter((type) => type === 'netlify-identity-login')).to.have.length(1);
    expect(types.indexOf('netlify-identity-init')).to.be.lessThan(
      types.indexOf('netlify-identity-login'),
    );
    await sessionIsReal();
    await expect(element).to.be.accessible();
  });

  it('a confirmation link opened later in the same tab (only the hash changes) is handled too', async () => {
    const { element, store } = await renderCallback();
    expect(await store.handleCallback()).to.equal(null);
    await api('/signup', {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const { token } = await lastMail(EMAIL, 'confirmation');
    location.hash = `confirmation_token=${token}`;
    await until(() => store.state.user?.email === EMAIL, 'the user from the new link');
    await until(
      () => element.textContent?.includes('Your email is confirmed'),
      'the confirmation shown',
    );
    expect(location.hash).to.equal('');
    await sessionIsReal();
  });

  it('shows a used or unknown link as a readable error and removes the token from the URL', async () => {
    setHash('confirmation_token=not-a-real-token');
    const recorder = recordEvents();
    const { element, store } = await renderCallback();
    const result = await store.handleCallback();
    await element.updateComplete;
    recorder.stop();
    expect(result?.type).to.equal('error');
    expect(element.querySelector('h2')?.textContent).to.equal('This link has expired');
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(
      'This link has expired or was already used.',
    );
    // The server's own words ("User not found") are for developers, in the event.
    expect(element.textContent).not.to.contain('not found');
    expect(location.hash).to.equal('');
    const errors = recorder.events.filter((event) => event.type === 'netlify-identity-error');
    expect(errors).to.have.length(1);
    expect((errors[0]?.detail as { error: { code: string } }).error.code).to.equal('invalid_token');
    await expect(element).to.be.accessible();
  });

  it('recovery: a session first, then a new password that works for the next login', async () => {
    await createUser(EMAIL, PASSWORD);
    await api('/recover', { method: 'POST', body: JSON.stringify({ email: EMAIL }) });
    const { token } = await lastMail(EMAIL, 'recovery');
    setHash(`recovery_token=${token}`);
    const recorder = recordEvents();
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    expect(element.querySelector('h2')?.textContent).to.equal('Choose a new password');
    const username = element.querySelector<HTMLInputElement>('input[autocomplete="username"]');
    expect(username?.value).to.equal(EMAIL);
    expect(element.querySelector('input[autocomplete="new-password"]')).to.exist;
    await expect(element).to.be.accessible();

    fill(element, 'New password', 'a brand new password');
    buttonNamed(element, 'Save password').click();
    await until(() => element.textContent?.includes('new password is saved'), 'the saved password');
    recorder.stop();
    const types = recorder.events.map((event) => event.type);
    expect(types).to.include.ordered.members([
      'netlify-identity-init',
      'netlify-identity-recovery',
      'netlify-identity-user-updated',
    ]);
    expect(types).not.to.include('netlify-identity-login');
    await sessionIsReal();
    const login = await api('/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        username: EMAIL,
        password: 'a brand new password',
      }),
    });
    expect(login.status).to.equal(200);
  });

  it('invite: choosing a password accepts it and leaves a real session', async () => {
    await setSettings({ external: { github: true } });
    const token = await inviteToken(EMAIL);
    setHash(`invite_token=${token}`);
    const recorder = recordEvents();
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    expect(location.hash).to.equal('');
    expect(element.querySelector('h2')?.textContent).to.equal('Accept your invitation');
    expect(buttonNamed(element, 'Continue with GitHub')).to.exist;
    await expect(element).to.be.accessible();
    fill(element, 'New password', PASSWORD);
    buttonNamed(element, 'Create account').click();
    await until(() => store.state.user, 'the accepted invite');
    recorder.stop();
    expect(store.state.user?.email).to.equal(EMAIL);
    await element.updateComplete;
    // The invited address, unknown until the invite is accepted, is said then.
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).to.equal(
      `Your account ${EMAIL} is ready. You are logged in.`,
    );
    await expect(element).to.be.accessible();
    expect(
      recorder.events.filter((event) => event.type === 'netlify-identity-login'),
    ).to.have.length(1);
    await sessionIsReal();
  });

  it('shows an #error= return as a readable error, rendered as text', async () => {
    setHash(
      `error=access_denied&error_description=${encodeURIComponent('<img src=x onerror="window.__pwned=1">denied')}`,
    );
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('Access was not granted');
    expect(element.querySelector('h2')?.textContent).to.equal('Access not granted');
    expect(element.textContent).not.to.contain('denied');
    expect(buttonNamed(element, 'Log in')).to.exist;
    expect(element.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(location.hash).to.equal('');
  });

  it('leaves an implicit-grant return that belongs to another app alone', async () => {
    const state = encodeURIComponent(JSON.stringify({ auth_type: 'implicit', nonce: 'n' }));
    setHash(`access_token=abc&token_type=bearer&state=${state}`);
    const { store } = await renderCallback();
    expect(await store.handleCallback()).to.equal(null);
    expect(location.hash).to.contain('access_token=abc');
  });

  it('an email-change link opened while logged out asks to log in, then completes the change', async () => {
    await createUser(EMAIL, PASSWORD);
    const { access_token: accessToken } = await passwordGrant(EMAIL, PASSWORD);
    await api('/user', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email: 'katherine.johnson@example.com' }),
    });
    const { token } = await lastMail('katherine.johnson@example.com', 'email_change');
    setHash(`email_change_token=${token}`);
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    expect(element.textContent).to.contain('Log in to confirm your new email address');
    expect(location.hash).to.equal('');
    const login2 = element.querySelector('netlify-login')!;
    await login2.updateComplete;
    fill(login2, 'Email', EMAIL);
    fill(login2, 'Password', PASSWORD);
    buttonNamed(login2, 'Log in').click();
    await until(
      () => store.state.user?.email === 'katherine.johnson@example.com',
      'the changed email',
      8000,
    );
    await element.updateComplete;
    expect(element.textContent).to.contain('Your email address has been changed');
  });

  it('a used link offers the way forward: a new link by email, or logging in', async () => {
    await createUser(EMAIL, PASSWORD);
    setHash('recovery_token=already-used');
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    buttonNamed(element, 'Log in').click();
    await until(() => element.querySelector('netlify-login input[name="email"]'), 'the login');
    expect(document.activeElement).to.equal(element.querySelector('netlify-login input'));

    history.replaceState(null, '', location.pathname + location.search);
    setHash('recovery_token=already-used-too');
    const second = await renderCallback();
    await second.store.handleCallback();
    await second.element.updateComplete;
    buttonNamed(second.element, 'Get a new link').click();
    await second.element.updateComplete;
    fill(second.element, 'Email', EMAIL);
    buttonNamed(second.element, 'Send new link').click();
    await until(() => second.element.textContent?.includes('new link is on its way'), 'sent');
    const mail = await lastMail(EMAIL, 'recovery');
    expect(mail.url).to.contain('#recovery_token=');
    await expect(second.element).to.be.accessible();
  });

  it('a finished result can be dismissed, and goes away when the user navigates on', async () => {
    await api('/signup', {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const { token } = await lastMail(EMAIL, 'confirmation');
    setHash(`confirmation_token=${token}`);
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    expect(element.textContent).to.contain('Your email is confirmed');
    const dismiss = element.querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]');
    expect(dismiss, 'the dismiss button').to.exist;
    await expect(element).to.be.accessible();
    dismiss!.click();
    await element.updateComplete;
    expect(element.textContent?.trim()).to.equal('');

    setHash('error=access_denied&error_description=denied');
    const again = await renderCallback();
    await again.store.handleCallback();
    await again.element.updateComplete;
    expect(again.element.textContent).to.contain('Access not granted');
    // A step into the page's history and back (popstate in every browser; Chromium's Navigation
    // API already reports the step itself).
    history.pushState(null, '', `${location.pathname}${location.search}`);
    history.back();
    await until(() => again.element.textContent?.trim() === '', 'the card to go');
  });
});

/** Invites go through the admin API with the operator token, which the test runner hands out. */
async function inviteToken(email: string): Promise<string> {
  const response = await fetch('/__test__/operator-token');
  const operatorToken = await response.text();
  const invite = await api('/invite', {
    method: 'POST',
    headers: { Authorization: `Bearer ${operatorToken}` },
    body: JSON.stringify({ email }),
  });
  expect(invite.status).to.equal(200);
  return (await lastMail(email, 'invite')).token;
}

describe('<netlify-auth-callback> OAuth return', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('accepts an access token only after the server confirms it, and logs in', async () => {
    await createUser(EMAIL, PASSWORD);
    const tokens = await passwordGrant(EMAIL, PASSWORD);
    setHash(
      `access_token=${tokens.access_token}&expires_in=3600&refresh_token=${tokens.refresh_token}&token_type=bearer`,
    );
    const recorder = recordEvents();
    const { element, store } = await renderCallback();
    await store.handleCallback();
    await element.updateComplete;
    recorder.stop();
    expect(store.state.user?.email).to.equal(EMAIL);
    expect(location.hash).to.equal('');
    expect(recorder.events.filter((e) => e.type === 'netlify-identity-login')).to.have.length(1);
    await sessionIsReal();
  });

  it('a forged access token: a readable error, no cookie, no token left in the URL', async () => {
    setHash(
      'access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged&refresh_token=r&token_type=bearer',
    );
    const { element, store } = await renderCallback();
    const result = await store.handleCallback();
    await element.updateComplete;
    expect(result?.type).to.equal('error');
    expect(store.state.user).to.equal(null);
    expect(cookie('nf_jwt')).to.equal(undefined);
    expect(location.hash).to.equal('');
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).not.to.equal('');
  });
});
