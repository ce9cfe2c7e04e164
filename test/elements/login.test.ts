import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyLogin } from '../../src/elements/login/login.js';
import {
  addFault,
  buttonNamed,
  clearBrowserSession,
  cookie,
  createUser,
  fill,
  recordEvents,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'correct horse battery staple';

describe('<netlify-login>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('renders a fillable form in the light DOM and is accessible', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    const email = document.querySelector<HTMLInputElement>('netlify-login input[name="email"]');
    const password = document.querySelector<HTMLInputElement>(
      'netlify-login input[name="password"]',
    );
    expect(email?.autocomplete).to.equal('username');
    expect(password?.autocomplete).to.equal('current-password');
    expect(email?.form).to.be.instanceOf(HTMLFormElement);
    expect(element.shadowRoot).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('logs in with email and password, writes a real session, and announces it once', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login></netlify-login>`,
    );
    const recorder = recordEvents();
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', PASSWORD);
    buttonNamed(element, 'Log in').click();
    await until(() => store.state.user, 'the login');
    recorder.stop();

    expect(store.state.user?.email).to.equal(EMAIL);
    expect(store.state.user?.name).to.equal('Ada Lovelace');
    const logins = recorder.events.filter((event) => event.type === 'netlify-identity-login');
    expect(logins).to.have.length(1);
    expect(logins[0]?.target).to.equal(element);
    const jwt = cookie('nf_jwt');
    expect(jwt, 'nf_jwt cookie').to.be.a('string');
    const me = await fetch('/.netlify/identity/user', {
      headers: { Authorization: `Bearer ${jwt}` },
    });
    expect(me.status).to.equal(200);
    expect(localStorage.getItem('gotrue.user')).to.contain(EMAIL);
    await element.updateComplete;
    expect(element.querySelector('[role="status"]')?.textContent).to.contain(
      'Logged in as Ada Lovelace',
    );
    await expect(element).to.be.accessible();
    buttonNamed(element, 'Log out').click();
    await until(() => !store.state.user, 'the logout');
    await element.updateComplete;
    expect(element.querySelector('input[name="email"]')).to.exist;
  });

  it('shows a readable error for a wrong password and keeps what was typed', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login></netlify-login>`,
    );
    const recorder = recordEvents();
    const email = fill(element, 'Email', EMAIL);
    fill(element, 'Password', 'wrong');
    buttonNamed(element, 'Log in').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    recorder.stop();

    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('don’t match');
    expect(email.value).to.equal(EMAIL);
    expect(store.state.user).to.equal(null);
    const errors = recorder.events.filter((event) => event.type === 'netlify-identity-error');
    expect(errors).to.have.length(1);
    expect((errors[0]?.detail as { error: { code: string } }).error.code).to.equal(
      'invalid_credentials',
    );
    await expect(element).to.be.accessible();
  });

  it('tells an unconfirmed user to confirm their email', async () => {
    await fetch('/.netlify/identity/signup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', PASSWORD);
    buttonNamed(element, 'Log in').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('confirm your email');
  });

  it('validates before sending: empty fields and a malformed email', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => requests.push(entry.name)),
    );
    observer.observe({ type: 'resource' });
    fill(element, 'Email', 'not-an-email');
    buttonNamed(element, 'Log in').click();
    await element.updateComplete;
    const email = element.querySelector<HTMLInputElement>('input[name="email"]');
    expect(email?.getAttribute('aria-invalid')).to.equal('true');
    expect(element.textContent).to.contain('valid email address');
    expect(element.textContent).to.contain('Please fill in this field');
    expect(document.activeElement).to.equal(email);
    observer.disconnect();
    expect(requests.filter((name) => name.includes('/token'))).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('sends one request however often the form is submitted while busy', async () => {
    await createUser(EMAIL, PASSWORD);
    await addFault({ path: '/token', method: 'POST', delay: 400 });
    const { element, store } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login></netlify-login>`,
    );
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', PASSWORD);
    const button = buttonNamed(element, 'Log in');
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Logging in…');
    button.click();
    element.querySelector('form')?.requestSubmit();
    const recorder = recordEvents();
    await until(() => store.state.user, 'the login');
    await until(() => store.state.busy === null, 'the end of the request');
    recorder.stop();
    expect(
      recorder.events.filter((event) => event.type === 'netlify-identity-login'),
    ).to.have.length(1);
  });

  it('survives a server error, then succeeds on the next try', async () => {
    await createUser(EMAIL, PASSWORD);
    await addFault({
      path: '/token',
      method: 'POST',
      status: 500,
      body: { code: 500, msg: 'boom' },
    });
    const { element, store } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login></netlify-login>`,
    );
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', PASSWORD);
    buttonNamed(element, 'Log in').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('server had a problem');
    buttonNamed(element, 'Log in').click();
    await until(() => store.state.user, 'the login');
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')).to.equal(null);
    expect(element.querySelector('[role="status"]')?.textContent).to.contain('Logged in as');
  });

  it('shows one button per enabled OAuth provider and hides sign up when signups are closed', async () => {
    await setSettings({ disable_signup: true, external: { github: true, google: true } });
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    expect(buttonNamed(element, 'Continue with GitHub')).to.exist;
    expect(buttonNamed(element, 'Continue with Google')).to.exist;
    expect(() => buttonNamed(element, 'Continue with GitLab')).to.throw();
    expect(() => buttonNamed(element, 'Sign up')).to.throw();
  });

  it('asks for a reset link by email', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    buttonNamed(element, 'Forgot password?').click();
    await element.updateComplete;
    expect(element.querySelector('h2')?.textContent).to.equal('Reset your password');
    fill(element, 'Email', EMAIL);
    buttonNamed(element, 'Send reset link').click();
    await until(() => element.textContent?.includes('reset link is on its way'), 'the notice');
    const mails = await (await fetch('/.netlify/identity/__dev/mail')).json();
    expect(mails.filter((mail: { type: string }) => mail.type === 'recovery')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('"Forgot password?" keeps the email already typed, and so does the way back', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    fill(element, 'Email', EMAIL);
    buttonNamed(element, 'Forgot password?').click();
    await until(() => element.querySelector('h2')?.textContent === 'Reset your password', 'reset');
    const email = element.querySelector<HTMLInputElement>('input[name="email"]');
    expect(email?.value).to.equal(EMAIL);
    fill(element, 'Email', 'grace@example.com');
    buttonNamed(element, 'Back to log in').click();
    await until(() => element.querySelector('h2')?.textContent === 'Log in', 'the login view');
    expect(element.querySelector<HTMLInputElement>('input[name="email"]')?.value).to.equal(
      'grace@example.com',
    );
    // The email is there: the caret waits in the password field.
    expect(document.activeElement).to.equal(element.querySelector('input[name="password"]'));
  });

  it('shows and hides the password with a labelled toggle button', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    const input = fill(element, 'Password', PASSWORD);
    const toggle = element.querySelector<HTMLButtonElement>('button[aria-pressed]');
    expect(toggle?.type).to.equal('button');
    expect(toggle?.textContent?.trim()).to.equal('Show password');
    expect(toggle?.getAttribute('aria-controls')).to.equal(input.id);
    expect(toggle?.getAttribute('aria-pressed')).to.equal('false');
    toggle?.click();
    await element.updateComplete;
    expect(input.type).to.equal('text');
    expect(input.value).to.equal(PASSWORD);
    expect(toggle?.getAttribute('aria-pressed')).to.equal('true');
    await expect(element).to.be.accessible();
    toggle?.click();
    await element.updateComplete;
    expect(input.type).to.equal('password');
    expect(input.autocomplete).to.equal('current-password');
  });

  it('logging in never checks the minimum length of new passwords', async () => {
    const short = 'abc';
    await createUser(EMAIL, PASSWORD);
    const { element } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login password-min-length="12"></netlify-login>`,
    );
    expect(element.textContent).not.to.contain('characters');
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', short);
    // The server, not the form, judges a login: a short wrong password is simply wrong.
    buttonNamed(element, 'Log in').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the answer');
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('don’t match');
    expect(element.querySelector('.field-error')).to.equal(null);
  });

  it('shows each provider with its mark, and "or" between them and the form', async () => {
    await setSettings({
      external: { github: true, google: true, gitlab: true, bitbucket: true, facebook: true },
    });
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    // The marks are a chunk of their own, loaded once the settings name a provider.
    await until(() => element.querySelector('.provider svg path'), 'the marks');
    for (const name of ['GitHub', 'Google', 'GitLab', 'Bitbucket', 'Facebook']) {
      const button = buttonNamed(element, `Continue with ${name}`);
      const mark = button.querySelector('svg');
      expect(mark, `${name} mark`).to.exist;
      expect(mark?.getAttribute('aria-hidden')).to.equal('true');
      expect(mark?.querySelector('path')?.getAttribute('d')).to.have.length.greaterThan(20);
    }
    const or = [...element.querySelectorAll('p')].find((p) => p.textContent?.trim() === 'or');
    expect(or, 'the "or" divider').to.exist;
    const rule = getComputedStyle(or!, '::before');
    expect(rule.borderTopStyle).to.equal('solid');
    await expect(element).to.be.accessible();
  });

  it('has a sensible maximum width on a wide page, which a CSS property overrides', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    element.parentElement!.style.cssText = 'display: block; inline-size: 1200px';
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(element.getBoundingClientRect().width).to.be.closeTo(28 * rem, 0.5);
    element.style.setProperty('--netlify-identity-form-max-width', '40rem');
    expect(element.getBoundingClientRect().width).to.be.closeTo(40 * rem, 0.5);
  });

  it('wraps a 5,000-character email instead of stretching off screen', async () => {
    const long = `${'a'.repeat(5000)}@example.com`;
    // Whatever the server thinks of such an address, the page must hold what it shows.
    await addFault({ path: '/recover', method: 'POST', status: 200, body: {} });
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    element.parentElement!.style.cssText = 'display: block; inline-size: 320px';
    buttonNamed(element, 'Forgot password?').click();
    await until(() => element.querySelector('h2')?.textContent === 'Reset your password', 'reset');
    fill(element, 'Email', long);
    buttonNamed(element, 'Send reset link').click();
    await until(() => element.textContent?.includes('on its way'), 'the notice');
    expect(element.textContent).to.contain(long);
    expect(element.scrollWidth).to.be.at.most(320);
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('focus() goes to the first field, never to a provider button', async () => {
    await setSettings({ external: { github: true } });
    const { element } = await renderWithStore<NetlifyLogin>(html`<netlify-login></netlify-login>`);
    element.focus();
    expect(document.activeElement).to.equal(element.querySelector('input[name="email"]'));
  });
});
