import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyAccount } from '../../src/elements/account/account.js';
import {
  addFault,
  buttonNamed,
  clearBrowserSession,
  createUser,
  fill,
  lastMail,
  passwordGrant,
  recordEvents,
  renderWithStore,
  resetServer,
  until,
} from './support.js';

const EMAIL = 'dorothy@example.com';
const PASSWORD = 'crystallography 1964';

async function renderLoggedIn() {
  await createUser(EMAIL, PASSWORD, 'Dorothy Hodgkin');
  const rendered = await renderWithStore<NetlifyAccount>(html`<netlify-account></netlify-account>`);
  await rendered.store.login(EMAIL, PASSWORD);
  await rendered.element.updateComplete;
  return rendered;
}

function section(element: NetlifyAccount, heading: string): HTMLElement {
  const found = [...element.querySelectorAll<HTMLElement>('section')].find(
    (candidate) => candidate.querySelector('h3')?.textContent === heading,
  );
  if (!found) throw new Error(`No section ${heading}`);
  return found;
}

describe('<netlify-account>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('logged out, it offers the login form', async () => {
    const { element } = await renderWithStore<NetlifyAccount>(
      html`<netlify-account></netlify-account>`,
    );
    expect(element.textContent).to.contain('Log in to manage your account');
    expect(element.querySelector('netlify-login')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('shows the name, initials and email, and saves a new name', async () => {
    const { element, store } = await renderLoggedIn();
    expect(element.querySelector('.profile-name')?.textContent).to.equal('Dorothy Hodgkin');
    expect(element.querySelector('.profile-email')?.textContent).to.equal(EMAIL);
    expect(element.querySelector('.avatar')?.textContent).to.equal('DH');
    await expect(element).to.be.accessible();

    const recorder = recordEvents();
    const names = section(element, 'Profile');
    fill(names, 'Name', 'Dorothy Crowfoot Hodgkin');
    buttonNamed(names, 'Save name').click();
    await until(() => names.querySelector('[role="status"]'), 'the saved name');
    recorder.stop();
    expect(store.state.user?.name).to.equal('Dorothy Crowfoot Hodgkin');
    expect(recorder.events.map((event) => event.type)).to.deep.equal([
      'netlify-identity-user-updated',
    ]);
    expect(recorder.events[0]?.target).to.equal(element);
  });

  it('changing the email is pending until the link sent to the new address is opened', async () => {
    const { element, store } = await renderLoggedIn();
    const emails = section(element, 'Email address');
    fill(emails, 'New email address', 'dorothy.hodgkin@example.com');
    buttonNamed(emails, 'Change email').click();
    await until(
      () => emails.textContent?.includes('to confirm your new address'),
      'the pending notice',
    );
    expect(emails.textContent).to.contain('dorothy.hodgkin@example.com');
    expect(store.state.user?.email).to.equal(EMAIL);
    expect(store.state.user?.pendingEmail).to.equal('dorothy.hodgkin@example.com');
    const mail = await lastMail('dorothy.hodgkin@example.com', 'email_change');
    expect(mail.url).to.contain('#email_change_token=');
    await expect(element).to.be.accessible();
  });

  it('changes the password: the new one logs in, the old one no longer does', async () => {
    const { element } = await renderLoggedIn();
    const passwords = section(element, 'Password');
    expect(
      passwords.querySelector<HTMLInputElement>('input[autocomplete="username"]')?.value,
    ).to.equal(EMAIL);
    fill(passwords, 'New password', 'a diffraction pattern');
    buttonNamed(passwords, 'Change password').click();
    await until(() => passwords.querySelector('[role="status"]'), 'the saved password');
    expect(passwords.querySelector<HTMLInputElement>('input[name="password"]')?.value).to.equal('');
    await passwordGrant(EMAIL, 'a diffraction pattern');
    let oldPasswordWorks = true;
    await passwordGrant(EMAIL, PASSWORD).catch(() => (oldPasswordWorks = false));
    expect(oldPasswordWorks).to.equal(false);
  });

  it('a failed change keeps what was typed and says why, next to that form only', async () => {
    const { element } = await renderLoggedIn();
    await addFault({ path: '/user', method: 'PUT', status: 500 });
    const names = section(element, 'Profile');
    const input = fill(names, 'Name', 'Dorothy C. Hodgkin');
    buttonNamed(names, 'Save name').click();
    await until(() => names.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    expect(names.querySelector('[role="alert"]')?.textContent).to.contain('server had a problem');
    expect(input.value).to.equal('Dorothy C. Hodgkin');
    expect(
      section(element, 'Password').querySelector('[role="alert"]')?.textContent?.trim(),
    ).to.equal('');
  });

  it('logs out', async () => {
    const { element, store } = await renderLoggedIn();
    buttonNamed(element, 'Log out').click();
    await until(() => !store.state.user, 'the logout');
    await element.updateComplete;
    expect(element.querySelector('netlify-login')).to.exist;
  });

  it('no section heading repeats the label of its field', async () => {
    const { element } = await renderLoggedIn();
    for (const part of element.querySelectorAll('section')) {
      const heading = part.querySelector('h3')?.textContent?.trim();
      const labels = [...part.querySelectorAll('label')].map((label) => label.textContent?.trim());
      expect(labels).not.to.include(heading);
      expect(part.querySelectorAll('button[type="submit"]')).to.have.length(1);
    }
    expect(element.textContent).to.contain('At least 8 characters.');
  });
});
