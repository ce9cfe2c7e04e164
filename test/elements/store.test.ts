import { expect } from '@open-wc/testing';
import { writeSessionCookies } from '../../src/store/session-cookies.js';
import {
  api,
  clearBrowserSession,
  cookie,
  createUser,
  passwordGrant,
  freshStore,
  recordEvents,
  resetServer,
  until,
} from './support.js';

const EMAIL = 'hedy@example.com';
const PASSWORD = 'frequency hopping';

describe('IdentityStore', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('announces init once, with null when nobody is logged in', async () => {
    const recorder = recordEvents();
    const store = freshStore();
    await Promise.all([store.start(), store.start()]);
    recorder.stop();
    expect(recorder.events.map((event) => event.type)).to.deep.equal(['netlify-identity-init']);
    expect((recorder.events[0]?.detail as { user: unknown }).user).to.equal(null);
    expect(recorder.events[0]?.target).to.equal(document);
    expect(store.state.status).to.equal('ready');
    expect(store.state.settings?.disableSignup).to.equal(false);
  });

  it('restores a saved session as init, never as login', async () => {
    await createUser(EMAIL, PASSWORD);
    await freshStore().login(EMAIL, PASSWORD);
    const recorder = recordEvents();
    const store = freshStore();
    await store.start();
    recorder.stop();
    expect(recorder.events.map((event) => event.type)).to.deep.equal(['netlify-identity-init']);
    expect((recorder.events[0]?.detail as { user: { email: string } }).user.email).to.equal(EMAIL);
  });

  it('restores a server-side login from the nf_jwt / nf_refresh cookies as init', async () => {
    await createUser(EMAIL, PASSWORD);
    const tokens = await passwordGrant(EMAIL, PASSWORD);
    // As a Netlify Function would set them, with the attributes this page's engine keeps.
    writeSessionCookies(tokens.access_token, tokens.refresh_token);
    const recorder = recordEvents();
    const store = freshStore();
    await store.start();
    recorder.stop();
    expect(recorder.events.map((event) => event.type)).to.deep.equal(['netlify-identity-init']);
    expect(store.state.user?.email).to.equal(EMAIL);
  });

  it('shows a user deleted on the server as logged out on the next load', async () => {
    await createUser(EMAIL, PASSWORD);
    const user = await freshStore().login(EMAIL, PASSWORD);
    const operatorToken = await (await fetch('/__test__/operator-token')).text();
    const deleted = await api(`/admin/users/${user.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${operatorToken}` },
    });
    expect(deleted.status).to.equal(200);
    const store = freshStore();
    await store.start();
    expect(store.state.user).to.equal(null);
    expect(cookie('nf_jwt')).to.equal(undefined);
    expect(localStorage.getItem('gotrue.user')).to.equal(null);
  });

  it('jwt() gives a token the server accepts, and a forced refresh rotates it', async () => {
    await createUser(EMAIL, PASSWORD);
    const store = freshStore();
    await store.login(EMAIL, PASSWORD);
    const refreshToken = () => store.gotrue.currentUser()?.tokenDetails()?.refresh_token;
    const first = refreshToken();
    const recorder = recordEvents();
    const refreshed = await store.jwt(true);
    await until(() => recorder.events.length > 0, 'the token-refresh event');
    recorder.stop();
    // Refresh tokens rotate; the access token may be the same JWT when issued within one second.
    expect(refreshToken()).to.be.a('string').and.not.equal(first);
    expect(decodeURIComponent(cookie('nf_refresh') ?? '')).to.equal(refreshToken());
    expect(recorder.events.map((event) => event.type)).to.deep.equal([
      'netlify-identity-token-refresh',
    ]);
    expect(decodeURIComponent(cookie('nf_jwt') ?? '')).to.equal(refreshed);
    const me = await api('/user', { headers: { Authorization: `Bearer ${refreshed}` } });
    expect(me.status).to.equal(200);
  });

  it('a refresh that fails logs out visibly: session_expired, then logout, cookie gone', async () => {
    await createUser(EMAIL, PASSWORD);
    const store = freshStore();
    await store.login(EMAIL, PASSWORD);
    // Revoke every refresh token of the user behind the page's back.
    await api('/logout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await store.jwt()}` },
    });
    const recorder = recordEvents();
    await store.jwt(true).catch(() => undefined);
    await until(() => store.state.user === null, 'the visible logout', 8000);
    recorder.stop();
    const types = recorder.events.map((event) => event.type);
    expect(types).to.deep.equal(['netlify-identity-error', 'netlify-identity-logout']);
    expect((recorder.events[0]?.detail as { error: { code: string } }).error.code).to.equal(
      'session_expired',
    );
    expect(cookie('nf_jwt')).to.equal(undefined);
  });

  it('a site without Identity gets identity_unavailable, not a broken form', async () => {
    const { fixture } = await import('@open-wc/testing');
    const { html } = await import('lit');
    const store = freshStore();
    const original = window.fetch;
    // The one place a missing server must be simulated: this runner always serves Identity.
    window.fetch = (input, init) =>
      String(input).includes('/settings')
        ? Promise.resolve(
            new Response('<h1>Not found</h1>', {
              status: 404,
              headers: { 'Content-Type': 'text/html' },
            }),
          )
        : original(input, init);
    try {
      const provider = await fixture(
        html`<netlify-identity-provider .store=${store}
          ><netlify-login></netlify-login
        ></netlify-identity-provider>`,
      );
      await store.start();
      const login = provider.querySelector('netlify-login')!;
      await login.updateComplete;
      expect(store.state.error?.code).to.equal('identity_unavailable');
      expect(login.querySelector('form')).to.equal(null);
      expect(login.querySelector('[role="alert"]')?.textContent).to.contain(
        'not enabled on this site',
      );
    } finally {
      window.fetch = original;
    }
  });
});
