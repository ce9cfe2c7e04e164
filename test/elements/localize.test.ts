import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { localeFolder } from '../../src/cdn/load-messages.js';
import type { NetlifyLogin } from '../../src/elements/login/login.js';
import { en } from '../../src/locales/en.js';
import type { Messages } from '../../src/locales/en.js';
import { SUPPORTED_LOCALES, supportedLocale } from '../../src/localize/locales.js';
import { registerLocale, setPageLocale } from '../../src/localize/localize.js';
import {
  clearBrowserSession,
  createUser,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

async function shippedMessages(code: string): Promise<Messages> {
  return ((await import(`../../src/locales/${code}.ts`)) as { messages: Messages }).messages;
}

describe('locales', () => {
  it('every shipped locale has every key, and keeps every placeholder', async () => {
    expect(SUPPORTED_LOCALES).to.have.length(16);
    for (const code of SUPPORTED_LOCALES.filter((locale) => locale !== 'en')) {
      const messages = await shippedMessages(code);
      expect(Object.keys(messages), code).to.deep.equal(Object.keys(en));
      for (const [key, english] of Object.entries(en)) {
        const translated = messages[key as keyof Messages];
        expect(translated, `${code} ${key}`).to.be.a('string').and.not.equal('');
        expect(placeholders(translated), `${code} ${key}`).to.deep.equal(placeholders(english));
      }
    }
  });

  it('maps the tags people use to the shipped locales', () => {
    expect(supportedLocale('zh-CN')).to.equal('zh-CN');
    expect(supportedLocale('zhCN')).to.equal('zh-CN');
    expect(supportedLocale('zh-Hans')).to.equal('zh-CN');
    expect(supportedLocale('pt-BR')).to.equal('pt');
    expect(supportedLocale('de-AT')).to.equal('de');
    expect(supportedLocale('fr_CA')).to.equal('fr');
    expect(supportedLocale('ja')).to.equal(undefined);
  });

  it('finds the CDN locale files beside the script, also behind a bare package URL', () => {
    expect(
      localeFolder('https://cdn.example/pkg@1.2.3/dist/cdn/netlify-identity.js', '1.2.3'),
    ).to.equal('https://cdn.example/pkg@1.2.3/dist/cdn/locales/');
    expect(localeFolder('https://unpkg.com/netlify-identity-elements', '1.2.3')).to.equal(
      'https://unpkg.com/netlify-identity-elements@1.2.3/dist/cdn/locales/',
    );
    expect(localeFolder('https://unpkg.com/netlify-identity-elements@1', '1.4.0')).to.equal(
      'https://unpkg.com/netlify-identity-elements@1.4.0/dist/cdn/locales/',
    );
  });
});

describe('language of the elements', () => {
  beforeEach(async () => {
    clearBrowserSession();
    await resetServer();
    setPageLocale(undefined);
  });

  it('follows the locale attribute, loads the language on demand, and re-renders', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login locale="fr"></netlify-login>`,
    );
    const french = await shippedMessages('fr');
    await until(() => element.querySelector('h2')?.textContent === french['login.title'], 'French');
    expect(element.getAttribute('dir')).to.equal('ltr');
  });

  it('follows the nearest lang attribute, and setLocale() overrides it', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(
      html`<div lang="de-AT"><netlify-login></netlify-login></div>`,
    );
    const login = element.querySelector('netlify-login')!;
    const german = await shippedMessages('de');
    await until(() => login.querySelector('h2')?.textContent === german['login.title'], 'German');
    // The page switches language: the elements follow without being touched.
    element.setAttribute('lang', 'fr');
    const french = await shippedMessages('fr');
    await until(() => login.querySelector('h2')?.textContent === french['login.title'], 'French');
    setPageLocale('es');
    const spanish = await shippedMessages('es');
    await until(() => login.querySelector('h2')?.textContent === spanish['login.title'], 'Spanish');
  });

  it('lays Arabic out right to left, and stays accessible', async () => {
    const { element } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login locale="ar"></netlify-login>`,
    );
    const arabic = await shippedMessages('ar');
    await until(() => element.querySelector('h2')?.textContent === arabic['login.title'], 'Arabic');
    expect(element.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(element.querySelector('input')!).direction).to.equal('rtl');
    await expect(element).to.be.accessible();
  });

  it('a pseudo-locale shows no untranslated text in any view', async () => {
    const pseudo = Object.fromEntries(
      Object.entries(en).map(([key, text]) => [key, `⟦${text}·····⟧`]),
    ) as unknown as Messages;
    registerLocale('en-XA', pseudo);
    setPageLocale('en-XA');
    await setSettings({ external: { github: true } });
    const untranslated = (root: Element) =>
      [...walkText(root)].filter((text) => !(text.startsWith('⟦') && text.endsWith('⟧')));

    const { element: login } = await renderWithStore<NetlifyLogin>(
      html`<netlify-login></netlify-login>`,
    );
    expect(untranslated(login), 'login').to.deep.equal([]);
    login.querySelector('form')!.requestSubmit();
    await login.updateComplete;
    expect(untranslated(login), 'login with field errors').to.deep.equal([]);
    login.querySelector<HTMLButtonElement>('.footer button.link')!.click();
    await login.updateComplete;
    expect(untranslated(login), 'recovery request').to.deep.equal([]);

    for (const template of [
      html`<netlify-signup></netlify-signup>`,
      html`<netlify-identity-menu></netlify-identity-menu>`,
      html`<netlify-identity-button></netlify-identity-button>`,
      html`<netlify-identity-gate></netlify-identity-gate>`,
      html`<netlify-account></netlify-account>`,
    ]) {
      const { element } = await renderWithStore<HTMLElement>(template);
      await until(() => element.shadowRoot?.textContent || element.textContent, 'a render');
      expect(untranslated(element), element.localName).to.deep.equal([]);
    }

    await createUser('pseudo@example.com', 'a password', 'Pseudo User');
    const { element: account, store } = await renderWithStore<HTMLElement>(
      html`<netlify-account></netlify-account>`,
    );
    await store.login('pseudo@example.com', 'a password');
    await (account as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // The user's own name and email are data, not interface text.
    const data = new Set(['PU', 'Pseudo User', 'pseudo@example.com']);
    expect(
      untranslated(account).filter((text) => !data.has(text)),
      'account',
    ).to.deep.equal([]);

    const { element: gate } = await renderWithStore<HTMLElement>(
      html`<netlify-identity-gate roles="editor"></netlify-identity-gate>`,
    );
    expect(untranslated(gate), 'gate without the role').to.deep.equal([]);

    const { openIdentityModal } = await import('../../src/elements/modal/open-modal.js');
    const modal = openIdentityModal('user', { opener: account });
    await until(() => modal.isOpen && modal.querySelector('netlify-account .profile'), 'the modal');
    const shown = untranslated(modal).filter((text) => text !== '×' && !data.has(text));
    expect(shown, 'modal').to.deep.equal([]);
    modal.close();
  });
});

/** Every visible text of an element, its shadow root included. */
function* walkText(root: Node): Generator<string> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node instanceof Element && node.shadowRoot) yield* walkText(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text) yield text;
    }
  }
}
