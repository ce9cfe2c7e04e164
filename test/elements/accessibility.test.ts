// Zero axe violations in every state of every element, in both themes and in Arabic (right to
// left), checked in the real browser, so contrast is computed on what is really painted.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { IdentityStore } from '../../src/store/identity-store.js';
import { setPageLocale } from '../../src/localize/localize.js';
import {
  api,
  clearBrowserSession,
  createUser,
  fill,
  lastMail,
  renderWithStore,
  resetServer,
  setSettings,
  until,
} from './support.js';

const EMAIL = 'axe@example.com';
const PASSWORD = 'accessible password';

interface State {
  name: string;
  template: (theme: string) => TemplateResult;
  /** Brings the rendered element into the state. */
  reach?: (element: HTMLElement, store: IdentityStore) => Promise<void>;
  before?: () => Promise<void>;
}

const settle = async (element: HTMLElement) => {
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // Contrast is measured on the final frame, not halfway through the dialog's fade-in.
  // document.getAnimations() leaves out shadow roots: ask each one.
  const roots = [
    document,
    ...[...document.querySelectorAll('*')].flatMap((node) => node.shadowRoot ?? []),
  ];
  await Promise.all(
    roots.flatMap((root) => root.getAnimations()).map((animation) => animation.finished),
  );
};

const STATES: State[] = [
  { name: 'login form', template: (theme) => html`<netlify-login theme=${theme}></netlify-login>` },
  {
    name: 'login with an error',
    template: (theme) => html`<netlify-login theme=${theme}></netlify-login>`,
    reach: async (element) => {
      fill(
        element,
        element.querySelectorAll('label')[0]!.textContent!.trim(),
        'nobody@example.com',
      );
      fill(element, element.querySelectorAll('label')[1]!.textContent!.trim(), 'wrong');
      element.querySelector('form')!.requestSubmit();
      await until(() => element.querySelector('[role="alert"]')?.textContent?.trim(), 'the error');
    },
  },
  {
    name: 'login with OAuth providers and invalid fields',
    before: () => setSettings({ external: { github: true, google: true } }),
    template: (theme) => html`<netlify-login theme=${theme}></netlify-login>`,
    reach: async (element) => {
      element.querySelector('form')!.requestSubmit();
      await until(() => element.querySelector('.field-error'), 'the field errors');
    },
  },
  {
    name: 'recovery request',
    template: (theme) => html`<netlify-login theme=${theme}></netlify-login>`,
    reach: async (element) => {
      element.querySelector<HTMLButtonElement>('.footer button.link')!.click();
      await until(() => element.querySelectorAll('input').length === 1, 'the recovery form');
    },
  },
  {
    name: 'logged in (login form)',
    before: () => createUser(EMAIL, PASSWORD),
    template: (theme) => html`<netlify-login theme=${theme}></netlify-login>`,
    reach: async (_element, store) => {
      await store.login(EMAIL, PASSWORD);
    },
  },
  {
    name: 'signup form',
    template: (theme) => html`<netlify-signup theme=${theme}></netlify-signup>`,
  },
  {
    name: 'signups closed',
    before: () => setSettings({ disable_signup: true }),
    template: (theme) => html`<netlify-signup theme=${theme}></netlify-signup>`,
  },
  {
    name: 'recovery link: new password',
    before: async () => {
      await createUser(EMAIL, PASSWORD);
      await api('/recover', { method: 'POST', body: JSON.stringify({ email: EMAIL }) });
      const { token } = await lastMail(EMAIL, 'recovery');
      history.replaceState(null, '', `#recovery_token=${token}`);
    },
    template: (theme) => html`<netlify-auth-callback theme=${theme}></netlify-auth-callback>`,
    reach: async (element, store) => {
      await store.handleCallback();
      await until(() => element.querySelector('input[autocomplete="new-password"]'), 'the form');
    },
  },
  {
    name: 'invalid link',
    before: async () => history.replaceState(null, '', '#confirmation_token=nope'),
    template: (theme) => html`<netlify-auth-callback theme=${theme}></netlify-auth-callback>`,
    reach: async (_element, store) => {
      await store.handleCallback();
    },
  },
  {
    name: 'account, logged in',
    before: () => createUser(EMAIL, PASSWORD),
    template: (theme) => html`<netlify-account theme=${theme}></netlify-account>`,
    reach: async (_element, store) => {
      await store.login(EMAIL, PASSWORD);
    },
  },
  {
    name: 'menu, logged out',
    template: (theme) => html`<netlify-identity-menu theme=${theme}></netlify-identity-menu>`,
  },
  {
    name: 'menu, logged in',
    before: () => createUser(EMAIL, PASSWORD),
    template: (theme) => html`<netlify-identity-menu theme=${theme}></netlify-identity-menu>`,
    reach: async (_element, store) => {
      await store.login(EMAIL, PASSWORD);
    },
  },
  {
    name: 'gate, logged out',
    template: (theme) =>
      html`<netlify-identity-gate theme=${theme}><p>Members only</p></netlify-identity-gate>`,
  },
  {
    name: 'gate, logged in without the role',
    before: () => createUser(EMAIL, PASSWORD),
    template: (theme) =>
      html`<netlify-identity-gate theme=${theme} roles="editor"
        ><p>Editors only</p></netlify-identity-gate
      >`,
    reach: async (_element, store) => {
      await store.login(EMAIL, PASSWORD);
    },
  },
  {
    name: 'button',
    template: (theme) => html`<netlify-identity-button theme=${theme}></netlify-identity-button>`,
  },
  {
    name: 'modal on the signup view',
    template: (theme) => html`<netlify-identity-button theme=${theme}></netlify-identity-button>`,
    reach: async (element) => {
      const { openIdentityModal } = await import('../../src/elements/modal/open-modal.js');
      const modal = openIdentityModal('signup', { opener: element });
      modal.theme = element.getAttribute('theme') as 'light' | 'dark';
      await until(
        () => modal.isOpen && modal.querySelector('netlify-signup input'),
        'the open modal',
      );
    },
  },
];

for (const locale of ['en', 'ar']) {
  for (const theme of ['light', 'dark']) {
    describe(`accessibility: ${theme} theme, ${locale}`, () => {
      beforeEach(async () => {
        clearBrowserSession();
        await resetServer();
        history.replaceState(null, '', location.pathname);
        setPageLocale(locale);
        document.body.style.background = theme === 'dark' ? '#0d1117' : '#ffffff';
      });

      after(() => {
        setPageLocale(undefined);
        document.body.style.background = '';
        document.querySelectorAll('netlify-identity-modal').forEach((modal) => modal.remove());
      });

      for (const state of STATES) {
        it(state.name, async () => {
          await state.before?.();
          const { element, store } = await renderWithStore<HTMLElement>(state.template(theme));
          await state.reach?.(element, store);
          await settle(element);
          if (locale === 'ar') {
            await until(() => element.getAttribute('dir') === 'rtl', 'right to left');
            await until(() => /[\u0600-\u06ff]/.test(allText(element)), 'the Arabic messages');
          }
          const modal = element.parentElement?.querySelector('netlify-identity-modal');
          await expect(modal ?? element).to.be.accessible();
          modal?.close();
        });
      }
    });
  }
}

/** The element's text, its shadow root's included. */
function allText(element: Element): string {
  return `${element.textContent ?? ''} ${element.shadowRoot?.textContent ?? ''}`;
}
