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
});
