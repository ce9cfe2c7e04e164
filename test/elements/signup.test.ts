import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifySignup } from '../../src/elements/signup/signup.js';
import {
  addFault,
  buttonNamed,
  clearBrowserSession,
  cookie,
  createUser,
  fill,
  lastMail,
  recordEvents,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const EMAIL = 'mary@example.com';
const PASSWORD = 'analytical engine notes';

async function renderSignup() {
  return renderWithStore<NetlifySignup>(html`<netlify-signup></netlify-signup>`);
}

function typeSignup(element: NetlifySignup): void {
  fill(element, 'Name', 'Mary Somerville');
  fill(element, 'Email', EMAIL);
  fill(element, 'Password', PASSWORD);
}

describe('<netlify-signup>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('has name, email and new-password fields a password manager understands', async () => {
    const { element } = await renderSignup();
    const auto = (name: string) =>
      element
        .querySelector<HTMLInputElement>(`input[name="${name}"]`)
        ?.getAttribute('autocomplete');
    expect(auto('name')).to.equal('name');
    expect(auto('email')).to.equal('email');
    expect(auto('password')).to.equal('new-password');
    await expect(element).to.be.accessible();
  });

  it('with confirmation required: announces signup only and says to check the email', async () => {
    const { element, store } = await renderSignup();
    const recorder = recordEvents();
    typeSignup(element);
    buttonNamed(element, 'Sign up').click();
    await until(() => element.textContent?.includes('we sent a confirmation link'), 'the notice');
    recorder.stop();
    const types = recorder.events.map((event) => event.type);
    expect(types).to.deep.equal(['netlify-identity-signup']);
    expect(recorder.events[0]?.target).to.equal(element);
    expect(store.state.user).to.equal(null);
    const mail = await lastMail(EMAIL, 'confirmation');
    expect(mail.url).to.contain('#confirmation_token=');
    await expect(element).to.be.accessible();
  });

  it('with autoconfirm: signup, then login, and a real session', async () => {
    await setSettings({ autoconfirm: true });
    const { element, store } = await renderSignup();
    const recorder = recordEvents();
    typeSignup(element);
    buttonNamed(element, 'Sign up').click();
    await until(() => store.state.user, 'the login after signup');
    recorder.stop();
    const types = recorder.events.map((event) => event.type);
    expect(types).to.deep.equal(['netlify-identity-signup', 'netlify-identity-login']);
    expect(store.state.user?.name).to.equal('Mary Somerville');
    const response = await fetch('/.netlify/identity/user', {
      headers: { Authorization: `Bearer ${cookie('nf_jwt')}` },
    });
    expect(response.status).to.equal(200);
  });

  it('says clearly when signups are closed, instead of a form', async () => {
    await setSettings({ disable_signup: true });
    const { element } = await renderSignup();
    expect(element.querySelector('form')).to.equal(null);
    expect(element.textContent).to.contain('Signups are closed');
    await expect(element).to.be.accessible();
  });

  it('an existing account: a readable error, the typed values kept', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element } = await renderSignup();
    typeSignup(element);
    buttonNamed(element, 'Sign up').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('already exists');
    expect(element.querySelector<HTMLInputElement>('input[name="name"]')?.value).to.equal(
      'Mary Somerville',
    );
    expect(element.querySelector<HTMLInputElement>('input[name="email"]')?.value).to.equal(EMAIL);
  });

  it('"Signups are closed" is information, not success', async () => {
    await setSettings({ disable_signup: true });
    const { element } = await renderSignup();
    const notice = element.querySelector('[role="status"]')!;
    expect(notice.textContent).to.contain('Signups are closed');
    const mark = getComputedStyle(notice).borderInlineStartColor;
    const probe = document.createElement('p');
    probe.style.color = 'var(--_success)';
    element.append(probe);
    const success = getComputedStyle(probe).color;
    probe.remove();
    expect(mark).not.to.equal(success);
  });

  it('says the minimum password length up front and checks it before sending', async () => {
    const { element } = await renderSignup();
    const password = element.querySelector<HTMLInputElement>('input[name="password"]')!;
    const hint = document.getElementById(password.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).to.equal('At least 8 characters.');
    expect(password.minLength).to.equal(8);
    fill(element, 'Name', 'Mary Somerville');
    fill(element, 'Email', EMAIL);
    fill(element, 'Password', 'seven77');
    buttonNamed(element, 'Sign up').click();
    await element.updateComplete;
    expect(element.textContent).to.contain('Use at least 8 characters.');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(password);
    const sent = await (await fetch('/.netlify/identity/__dev/mail')).json();
    expect(sent, 'nothing was sent').to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('counts characters as a person does and takes the minimum from its attribute', async () => {
    const { element } = await renderWithStore<NetlifySignup>(
      html`<netlify-signup password-min-length="6"></netlify-signup>`,
    );
    expect(element.textContent).to.contain('At least 6 characters.');
    fill(element, 'Name', 'Mary Somerville');
    fill(element, 'Email', EMAIL);
    // Four emoji are eight UTF-16 units but four characters.
    fill(element, 'Password', '🔑🔒🔓🔐');
    buttonNamed(element, 'Sign up').click();
    await element.updateComplete;
    expect(element.textContent).to.contain('Use at least 6 characters.');
    fill(element, 'Password', '🔑🔒🔓🔐🗝🚪');
    buttonNamed(element, 'Sign up').click();
    await until(() => element.textContent?.includes('confirmation link'), 'the signup');
  });

  it('has a show/hide toggle on the new password', async () => {
    const { element } = await renderSignup();
    const input = fill(element, 'Password', PASSWORD);
    buttonNamed(element, 'Show password').click();
    await element.updateComplete;
    expect(input.type).to.equal('text');
    expect(buttonNamed(element, 'Show password').getAttribute('aria-pressed')).to.equal('true');
  });

  it('wraps a 5,000-character email in its notice instead of stretching off screen', async () => {
    const long = `${'a'.repeat(5000)}@example.com`;
    // Whatever the server thinks of such an address, the page must hold what it shows.
    await addFault({
      path: '/signup',
      method: 'POST',
      status: 200,
      body: { id: 'u1', email: long, aud: '', role: '', user_metadata: {}, app_metadata: {} },
    });
    const { element } = await renderSignup();
    element.parentElement!.style.cssText = 'display: block; inline-size: 320px';
    fill(element, 'Name', 'Mary Somerville');
    fill(element, 'Email', long);
    fill(element, 'Password', PASSWORD);
    buttonNamed(element, 'Sign up').click();
    await until(() => element.textContent?.includes('we sent a confirmation link'), 'the notice');
    expect(element.textContent).to.contain(long);
    expect(element.scrollWidth).to.be.at.most(320);
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('a refusal from the server is said in the page language, without the server text', async () => {
    await addFault({
      path: '/signup',
      method: 'POST',
      status: 422,
      body: { code: 422, msg: 'Unable to validate email address: invalid format' },
    });
    const { element } = await renderWithStore<NetlifySignup>(
      html`<netlify-signup locale="de"></netlify-signup>`,
    );
    await until(() => element.textContent?.includes('Registrieren'), 'German');
    fill(element, 'Name', 'Mary Somerville');
    fill(element, 'E-Mail', EMAIL);
    fill(element, 'Passwort', PASSWORD);
    buttonNamed(element, 'Registrieren').click();
    await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).to.equal(
      'Einige Angaben sind ungültig.',
    );
    expect(element.textContent).not.to.contain('Unable to validate');
  });
});
