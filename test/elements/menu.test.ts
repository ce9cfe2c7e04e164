import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyIdentityButton } from '../../src/elements/button/button.js';
import type { NetlifyIdentityMenu } from '../../src/elements/menu/menu.js';
import {
  clearBrowserSession,
  cookie,
  createUser,
  recordEvents,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const EMAIL = 'alan@example.com';
const PASSWORD = 'on computable numbers';

function shadowButton(host: Element, name: string): HTMLButtonElement {
  const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent?.trim() === name,
  );
  if (!button) throw new Error(`No button named ${name}`);
  return button;
}

describe('<netlify-identity-menu> and <netlify-identity-button>', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  it('with OAuth providers, the modal focuses the email field, not a provider button', async () => {
    await setSettings({ external: { github: true, google: true } });
    const { element, store } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await until(() => store.state.settings?.providers.length === 2, 'the providers');
    shadowButton(element, 'Log in').click();
    await until(() => document.querySelector('netlify-identity-modal')?.isOpen, 'the dialog');
    const modal = document.querySelector('netlify-identity-modal')!;
    await until(() => modal.querySelector('.provider'), 'the provider buttons');
    await until(
      () => modal.querySelector('input[name="email"]') === document.activeElement,
      'focus in the email field',
    );
    modal.close();
  });

  it('the open event names the account view, not "login"', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await store.login(EMAIL, PASSWORD);
    const recorder = recordEvents();
    const { openIdentityModal } = await import('../../src/elements/modal/open-modal.js');
    openIdentityModal('user', { opener: element });
    await until(
      () => recorder.events.some((e) => e.type === 'netlify-identity-open'),
      'the open event',
    );
    recorder.stop();
    const open = recorder.events.find((event) => event.type === 'netlify-identity-open');
    expect((open?.detail as { tab: string }).tab).to.equal('account');
    for (const modal of document.querySelectorAll('netlify-identity-modal')) modal.close();
  });

  it('logged out: Log in and Sign up; Log in opens the modal on the login view', async () => {
    const { element } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await expect(element).to.be.accessible();
    const recorder = recordEvents();
    const login = shadowButton(element, 'Log in');
    login.click();
    const modal = await until(
      () => document.querySelector('netlify-identity-modal'),
      'the modal',
    ).then(() => document.querySelector('netlify-identity-modal')!);
    await until(() => modal.isOpen, 'the open dialog');
    await until(
      () => recorder.events.some((e) => e.type === 'netlify-identity-open'),
      'the open event',
    );
    const open = recorder.events.find((event) => event.type === 'netlify-identity-open');
    expect((open?.detail as { tab: string }).tab).to.equal('login');
    expect(open?.target).to.equal(login);
    expect(modal.querySelector('netlify-login')).to.exist;
    await until(
      () => modal.querySelector('input[name="email"]') === document.activeElement,
      'focus in the form',
    );
    modal.close();
    await until(
      () => recorder.events.some((e) => e.type === 'netlify-identity-close'),
      'the close event',
    );
    recorder.stop();
    expect(element.shadowRoot?.activeElement).to.equal(login);
    modal.remove();
  });

  it('no Sign up button when signups are closed', async () => {
    await setSettings({ disable_signup: true });
    const { element } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    expect(() => shadowButton(element, 'Sign up')).to.throw();
    expect(shadowButton(element, 'Log in')).to.exist;
  });

  it('logged in: the name and Log out, which logs out once and clears the cookie', async () => {
    await createUser(EMAIL, PASSWORD, 'Alan Turing');
    const { element, store } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('[part="user"]')?.textContent).to.equal('Alan Turing');
    await expect(element).to.be.accessible();
    const recorder = recordEvents();
    shadowButton(element, 'Log out').click();
    const logouts = () =>
      recorder.events.filter((event) => event.type === 'netlify-identity-logout');
    // Nobody is logged in from the click on; the event follows the server's answer.
    await until(() => !store.state.user, 'the logout');
    await until(() => logouts().length > 0, 'the logout event');
    recorder.stop();
    expect(logouts()).to.have.length(1);
    expect(logouts()[0]?.target).to.equal(element);
    expect(cookie('nf_jwt')).to.equal(undefined);
  });

  it("logged in: the user's name is a button that opens their account in the modal", async () => {
    await createUser(EMAIL, PASSWORD, 'Alan Turing');
    const { element, store } = await renderWithStore<NetlifyIdentityMenu>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    const name = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="user"]')!;
    expect(name.localName).to.equal('button');
    expect(name.textContent).to.equal('Alan Turing');
    expect(name.getAttribute('aria-label')).to.equal('Alan Turing, Your account');
    expect(name.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(name.tabIndex).to.equal(0);
    await expect(element).to.be.accessible();
    const recorder = recordEvents();
    name.focus();
    name.click();
    const modal = await until(
      () => document.querySelector('netlify-identity-modal')?.isOpen,
      'the dialog',
    ).then(() => document.querySelector('netlify-identity-modal')!);
    await until(
      () =>
        modal.querySelector('netlify-account') ??
        modal.shadowRoot?.querySelector('netlify-account'),
      'the account view',
    );
    recorder.stop();
    const open = recorder.events.find((event) => event.type === 'netlify-identity-open');
    expect((open?.detail as { tab: string }).tab).to.equal('account');
    modal.close();
    // Focus goes back to the name, so a keyboard user carries on where they were.
    await until(() => element.shadowRoot!.activeElement === name, 'focus back on the name');
  });

  it('the button uses its own text as the logged-out label and becomes Log out', async () => {
    await createUser(EMAIL, PASSWORD);
    const { element, store } = await renderWithStore<NetlifyIdentityButton>(
      html`<netlify-identity-button>Members area</netlify-identity-button>`,
    );
    const button = element.shadowRoot!.querySelector('button')!;
    const slot = button.querySelector('slot')!;
    expect(
      slot
        .assignedNodes()
        .map((node) => node.textContent)
        .join(''),
    ).to.equal('Members area');
    await expect(element).to.be.accessible();
    await store.login(EMAIL, PASSWORD);
    await element.updateComplete;
    expect(button.textContent?.trim()).to.equal('Log out');
  });
});
