import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { NetlifyIdentityModal } from '../../src/elements/modal/modal.js';
import { clearBrowserSession, createUser, renderWithStore, resetServer, until } from './support.js';

// The modal takes the theme of the element that opened it, and a theme never moves a form's fields.

const DARK_BACKGROUND = 'rgb(21, 27, 35)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

function shadowButton(host: Element, name: string): HTMLButtonElement {
  const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent?.trim() === name,
  );
  if (!button) throw new Error(`No button named ${name}`);
  return button;
}

/** Clicks `button` and returns the modal once its dialog is open. */
async function openWith(button: HTMLButtonElement): Promise<NetlifyIdentityModal> {
  button.click();
  await until(() => document.querySelector('netlify-identity-modal')?.isOpen, 'the open dialog');
  const modal = document.querySelector('netlify-identity-modal')!;
  await modal.updateComplete;
  return modal;
}

function dialogBackground(modal: NetlifyIdentityModal): string {
  return getComputedStyle(modal.shadowRoot!.querySelector('dialog')!).backgroundColor;
}

async function closed(modal: NetlifyIdentityModal): Promise<void> {
  modal.close();
  await until(() => !modal.isOpen, 'the dialog to close');
}

describe('themes', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
  });

  afterEach(() => {
    for (const modal of document.querySelectorAll('netlify-identity-modal')) modal.remove();
  });

  it('a dark menu opens a dark modal, and a button without a theme then opens a light one', async () => {
    const { element } = await renderWithStore<HTMLElement>(
      html`<div>
        <netlify-identity-menu theme="dark"></netlify-identity-menu>
        <netlify-identity-button></netlify-identity-button>
      </div>`,
    );
    const menu = element.querySelector('netlify-identity-menu')!;
    const button = element.querySelector('netlify-identity-button')!;
    await until(() => menu.shadowRoot?.querySelector('button'), 'the menu');

    let modal = await openWith(shadowButton(menu, 'Log in'));
    expect(modal.theme).to.equal('dark');
    expect(dialogBackground(modal)).to.equal(DARK_BACKGROUND);
    expect(modal.querySelector('netlify-login')?.getAttribute('theme')).to.equal('dark');
    await closed(modal);

    modal = await openWith(shadowButton(button, 'Log in'));
    expect(modal.theme).to.equal('light');
    expect(dialogBackground(modal)).to.equal(LIGHT_BACKGROUND);
    await closed(modal);

    // Every open: the dark menu again, the signup view this time.
    modal = await openWith(shadowButton(menu, 'Sign up'));
    await until(() => modal.querySelector('netlify-signup form'), 'the signup form');
    expect(dialogBackground(modal)).to.equal(DARK_BACKGROUND);
    expect(modal.querySelector('netlify-signup')?.getAttribute('theme')).to.equal('dark');
    await closed(modal);
  });

  it('a theme set on the menu later is the one its next open uses', async () => {
    const { element: menu } = await renderWithStore<HTMLElement>(
      html`<netlify-identity-menu></netlify-identity-menu>`,
    );
    await until(() => menu.shadowRoot?.querySelector('button'), 'the menu');
    let modal = await openWith(shadowButton(menu, 'Log in'));
    expect(dialogBackground(modal)).to.equal(LIGHT_BACKGROUND);
    await closed(modal);
    menu.setAttribute('theme', 'dark');
    modal = await openWith(shadowButton(menu, 'Log in'));
    expect(dialogBackground(modal)).to.equal(DARK_BACKGROUND);
    await closed(modal);
  });

  it('the logged-in account view opened from a dark menu is dark', async () => {
    await createUser('grace@example.com', 'a long and secret passphrase', 'Grace Hopper');
    const { element: menu, store } = await renderWithStore<HTMLElement>(
      html`<netlify-identity-menu theme="dark"></netlify-identity-menu>`,
    );
    await store.login('grace@example.com', 'a long and secret passphrase');
    await until(() => menu.shadowRoot?.querySelector('[part="user"]'), 'the user button');
    const modal = await openWith(
      menu.shadowRoot!.querySelector<HTMLButtonElement>('[part="user"]')!,
    );
    await until(() => modal.querySelector('netlify-account'), 'the account view');
    expect(dialogBackground(modal)).to.equal(DARK_BACKGROUND);
    expect(modal.querySelector('netlify-account')?.getAttribute('theme')).to.equal('dark');
    await closed(modal);
  });

  it('"Sign up" in a dark login form on the page opens a dark modal', async () => {
    const { element: login } = await renderWithStore<HTMLElement>(
      html`<netlify-login theme="dark"></netlify-login>`,
    );
    const signup = await until(
      () => [...login.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign up'),
      'the Sign up link',
    ).then(() =>
      [...login.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign up')!,
    );
    const modal = await openWith(signup);
    await until(() => modal.querySelector('netlify-signup form'), 'the signup form');
    expect(dialogBackground(modal)).to.equal(DARK_BACKGROUND);
    await closed(modal);
  });

  it('dark and light login forms place and size their fields the same', async () => {
    const container = await fixture<HTMLElement>(
      html`<div style="display: grid; grid-template-columns: 1fr 1fr; inline-size: 40rem">
        <netlify-login theme="light"></netlify-login>
        <netlify-login theme="dark"></netlify-login>
      </div>`,
    );
    const [light, dark] = [...container.querySelectorAll('netlify-login')];
    await until(
      () =>
        light!.querySelector('input[name="email"]') && dark!.querySelector('input[name="email"]'),
      'both forms',
    );
    const boxes = (form: Element) => {
      const origin = form.parentElement!.getBoundingClientRect();
      const column = form === light ? 0 : origin.width / 2;
      return [...form.querySelectorAll('input, button[type="submit"]')].map((field) => {
        const box = field.getBoundingClientRect();
        return {
          left: Math.round(box.left - origin.left - column),
          top: Math.round(box.top - origin.top),
          width: Math.round(box.width),
          height: Math.round(box.height),
        };
      });
    };
    expect(boxes(dark!)).to.have.length.greaterThan(2);
    expect(boxes(dark!)).to.deep.equal(boxes(light!));
    // The dark one still paints its own background: on this light page its text stays readable.
    expect(getComputedStyle(dark!).backgroundColor).to.equal(DARK_BACKGROUND);
  });
});
