import { css, html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IdentityElement } from '../../internal/identity-element.js';
import type { Theme } from '../../internal/identity-element.js';
import type { IdentityFormElement } from '../../internal/form-element.js';
import { asIdentityError } from '../../store/errors.js';
import { announce } from '../../store/events.js';
import type { IdentityOpenTab, IdentityTab } from '../../store/events.js';
import { buttonStyles, hostTokens } from '../../styles/lit-tokens.js';
import { loadAccountView, loadCallbackView, loadSignupView } from './load-views.js';
import { modalSettings } from './modal-loader.js';
import type { ViewRequestDetail } from './navigation.js';
import '../login/define.js';

/** The views but login load with their first use (or the intent to use them). */
function defineView(view: ModalView): Promise<unknown> {
  if (view === 'signup') return loadSignupView();
  if (view === 'user') return loadAccountView();
  if (view === 'callback') return loadCallbackView();
  return Promise.resolve();
}

/** The theme given to the element that opened the modal (the menu, for the button in it), if any. */
function themeOf(opener: Element | null): Theme | undefined {
  const root = opener?.getRootNode();
  const element = root instanceof ShadowRoot ? root.host : opener;
  return (element?.getAttribute('theme') as Theme | null) ?? undefined;
}

/** `callback` continues an auth link (new password, invite); `user` shows who is logged in. */
export type ModalView = IdentityTab | 'callback' | 'user';

export interface OpenModalOptions {
  /** The element that asked: events are dispatched on it and focus returns to it on close. */
  opener?: Element | null;
  /** user_metadata to pre-fill the signup form with (legacy `open('signup', metadata)`). */
  metadata?: Record<string, unknown>;
}

/**
 * The dialog that hosts the login, signup, recovery, invite and "logged in" views. A native modal
 * `<dialog>`: focus moves in, stays in, returns to the opener on close; Escape closes it. The view
 * itself is rendered in the light DOM so that password managers can fill it.
 *
 * @summary The modal opened by the menu, the button and `netlifyIdentity.open()`.
 * @fires netlify-identity-open - When it opens; `detail.tab` is the view.
 * @fires netlify-identity-close - When it closes.
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - The title bar.
 * @csspart title - The heading that names the dialog.
 * @csspart logo - The image of the `logo` attribute.
 * @slot logo - A logo or brand mark shown before the title.
 * @slot - The view (rendered by the modal itself).
 * @csspart close-button - The close button.
 * @csspart body - The area holding the view.
 * @cssprop --netlify-identity-color-accent - Primary buttons, links and focus accents.
 * @cssprop --netlify-identity-color-accent-hover - Primary buttons under the pointer.
 * @cssprop --netlify-identity-color-on-accent - Text on the accent colour.
 * @cssprop --netlify-identity-color-text - Text.
 * @cssprop --netlify-identity-color-muted - Secondary text.
 * @cssprop --netlify-identity-color-background - Backgrounds of inputs, buttons and the dialog.
 * @cssprop --netlify-identity-color-surface - Secondary buttons and notices.
 * @cssprop --netlify-identity-color-border - Borders of inputs and buttons.
 * @cssprop --netlify-identity-color-error - Error messages and invalid fields.
 * @cssprop --netlify-identity-color-success - The mark of success notices.
 * @cssprop --netlify-identity-focus-color - The focus ring.
 * @cssprop --netlify-identity-font-family - The font.
 * @cssprop --netlify-identity-radius - Corner radius.
 * @cssprop --netlify-identity-spacing - The base spacing unit.
 * @cssprop --netlify-identity-dialog-width - Maximum width of the dialog.
 */
export class NetlifyIdentityModal extends IdentityElement {
  static override styles = [
    hostTokens,
    buttonStyles,
    css`
      :host {
        display: contents;
        --_pad: calc(var(--_space) * 1.5);
      }
      dialog {
        box-sizing: border-box;
        inline-size: min(var(--_dialog-width), calc(100vw - 2rem));
        max-block-size: calc(100dvh - 2rem);
        padding: 0;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 1.5);
        background: var(--_background);
        color: var(--_text);
        font-family: var(--_font);
        box-shadow: 0 1.5rem 3rem rgb(0 0 0 / 0.25);
        /* A long view scrolls inside the dialog (modal dialogs have overflow: auto), not the page. */
        overscroll-behavior: contain;
      }
      /* Closed, the dialog keeps its styles and layout, out of sight and out of reach: opening it
         then only shows it, with no style and layout of the whole form on the click. */
      dialog:not([open]) {
        display: block;
        position: fixed;
        top: 0;
        visibility: hidden;
      }
      dialog::backdrop {
        background: rgb(15 23 42 / 0.55);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        padding-block: var(--_space) 0;
        padding-inline: var(--_pad) var(--_space);
      }
      h2 {
        margin: 0;
        font-size: 1.35rem;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }
      [part='logo'],
      ::slotted([slot='logo']) {
        max-block-size: 2rem;
        max-inline-size: 6rem;
      }
      .close {
        min-inline-size: 2.25rem;
        padding-inline: 0.5rem;
        font-size: 1.25rem;
        line-height: 1;
      }
      .body {
        padding: var(--_space) var(--_pad) var(--_pad);
      }
      /* A phone: a sheet from the bottom, the full width, clear of the home bar, less padding. */
      @media (max-width: 36rem) {
        :host {
          --_pad: var(--_space);
        }
        dialog {
          inline-size: 100%;
          max-inline-size: none;
          margin-block-end: 0;
          border-end-start-radius: 0;
          border-end-end-radius: 0;
          padding-block-end: env(safe-area-inset-bottom);
        }
      }
      @media (prefers-reduced-motion: no-preference) {
        dialog[open] {
          animation: appear 140ms ease-out;
        }
        @keyframes appear {
          from {
            opacity: 0;
            transform: translateY(0.5rem);
          }
        }
      }
    `,
  ];

  #opener: Element | null = null;
  #metadata: Record<string, unknown> = {};
  #closingAfterLogin = false;
  /** The theme the page gave the modal itself, before any opener's. */
  #pageTheme?: Theme;

  /** URL of a logo shown before the title (or slot an element into `logo`). */
  @property() logo?: string;

  /** Placeholder of the signup form's name field. */
  @property({ attribute: 'name-placeholder' }) namePlaceholder?: string;

  /** Minimum length of a new password in the modal's signup, recovery and account views. */
  @property({ attribute: 'password-min-length', type: Number }) passwordMinLength?: number;

  @state() private view: ModalView = 'login';

  constructor() {
    super();
    this.addEventListener('netlify-identity-view-request', (event) => {
      event.preventDefault();
      const { view } = (event as CustomEvent<ViewRequestDetail>).detail;
      defineView(view).then(
        () => this.show(view),
        (caught: unknown) => {
          const error = asIdentityError(caught);
          announce('netlify-identity-error', { error: error.toJSON(), user: null }, event.target);
        },
      );
    });
    this.addEventListener('netlify-identity-view-change', () => this.updateHeading());
    this.addEventListener('keydown', (event) => this.handleKeydown(event));
    this.addEventListener('netlify-identity-logout', () => {
      if (this.view === 'user') this.close();
    });
    this.addEventListener('netlify-identity-login', () => {
      // A login inside the dialog ends its job; the page shows the user now.
      if (this.view !== 'callback') this.#closingAfterLogin = true;
    });
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens on `view`; the opener gets focus back and the events. */
  open(view: ModalView, options: OpenModalOptions = {}): void {
    this.#opener = options.opener ?? (document.activeElement as Element | null);
    this.#metadata = options.metadata ?? {};
    const opener = this.#opener;
    // It looks like what opened it: a dark menu opens a dark modal, on every open.
    this.#pageTheme ??= this.theme;
    this.theme = themeOf(opener) ?? modalSettings.theme ?? this.#pageTheme;
    defineView(view)
      .then(() => {
        this.show(view);
        return this.updateComplete;
      })
      .then(
        () => {
          const dialog = this.dialog;
          if (dialog && !dialog.open) {
            // The dialog focuses the view's first field itself: one focus change, not two.
            const target = this.viewElement?.focusTarget;
            target?.setAttribute('autofocus', '');
            dialog.showModal();
            target?.removeAttribute('autofocus');
          }
          this.focusFirstField();
          announce('netlify-identity-open', { tab: this.openTab(view) }, opener);
        },
        (caught: unknown) => {
          const error = asIdentityError(caught);
          announce('netlify-identity-error', { error: error.toJSON(), user: null }, opener);
        },
      );
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#closingAfterLogin && this.identity.state.user && this.identity.state.busy === null) {
      this.#closingAfterLogin = false;
      this.close();
    }
    render(this.renderView(), this, { host: this });
    this.updateHeading();
  }

  private show(view: ModalView): void {
    this.view = view;
    void this.updateComplete.then(() => this.focusFirstField());
  }

  /** The view rendered in the light DOM (the page may have slotted a logo beside it). */
  private get viewElement(): IdentityFormElement | null {
    return this.querySelector(
      ':scope > :is(netlify-login, netlify-signup, netlify-auth-callback, netlify-account)',
    );
  }

  /** What opened, for the open event: the account view or an invite is not "login". */
  private openTab(view: ModalView): IdentityOpenTab {
    if (view === 'user') return 'account';
    if (view !== 'callback') return view;
    const type = this.identity.state.callback?.type;
    return type === 'recovery' || type === 'invite' ? type : 'callback';
  }

  /** The view's first field, never a provider button (where Enter would leave the site). */
  private focusFirstField(): void {
    const view = this.viewElement;
    view?.focus();
    if (!view?.contains(document.activeElement)) {
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    }
  }

  /** Focusable nodes in the order Tab visits them: title bar, slotted view, then the dialog's own. */
  private focusables(): HTMLElement[] {
    const selector =
      'button:not([disabled]), input:not([disabled]):not([tabindex="-1"]), a[href], [tabindex]:not([tabindex="-1"])';
    const visible = (element: HTMLElement) => element.getClientRects().length > 0;
    return [
      ...this.renderRoot.querySelectorAll<HTMLElement>(`header :is(${selector})`),
      ...this.querySelectorAll<HTMLElement>(selector),
      ...this.renderRoot.querySelectorAll<HTMLElement>(`.body :is(${selector})`),
    ].filter(visible);
  }

  /** The dialog is modal, but Tab could still leave for the browser's UI: keep it inside. */
  private handleKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !this.isOpen) return;
    const focusables = this.focusables();
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    const active = event.composedPath()[0];
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  private updateHeading(): void {
    const viewElement = this.viewElement;
    // Written straight into the title: the view renders after this element, so a reactive
    // property here would cost a second render on every change.
    const title = this.renderRoot.querySelector('#title');
    const heading = viewElement?.viewTitle ?? '';
    if (title && title.textContent !== heading) title.textContent = heading;
  }

  private handleClose(): void {
    const opener = this.#opener;
    this.#opener = null;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    announce('netlify-identity-close', {}, opener);
  }

  private renderView(): TemplateResult {
    switch (this.view) {
      case 'signup':
        return html`<netlify-signup
          headless
          theme=${this.theme}
          .metadata=${this.#metadata}
          .namePlaceholder=${this.namePlaceholder}
          .passwordMinLength=${this.passwordMinLength}
        ></netlify-signup>`;
      case 'callback':
        return html`<netlify-auth-callback
          headless
          theme=${this.theme}
          .passwordMinLength=${this.passwordMinLength}
        ></netlify-auth-callback>`;
      case 'user':
        return html`<netlify-account
          headless
          theme=${this.theme}
          .passwordMinLength=${this.passwordMinLength}
        ></netlify-account>`;
      default:
        return html`<netlify-login headless theme=${this.theme}></netlify-login>`;
    }
  }

  // The title's text is written by updateHeading() once the view has rendered.
  /* eslint-disable lit-a11y/accessible-name */
  protected override render(): TemplateResult {
    // A click on the backdrop closes, as a convenience for pointers; Escape is the keyboard's way.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @close=${this.handleClose}
      @click=${(event: MouseEvent) => {
        if (event.target === this.dialog) this.close();
      }}
    >
      <header part="header">
        <div class="brand">
          <slot name="logo"
            >${this.logo ? html`<img part="logo" src=${this.logo} alt="" />` : nothing}</slot
          >
          <h2 id="title" part="title"></h2>
        </div>
        <button
          class="close"
          part="close-button"
          aria-label=${this.t('action.close')}
          @click=${() => this.close()}
        >
          ×
        </button>
      </header>
      <div class="body" part="body">
        <slot></slot>
      </div>
    </dialog>`;
  }
  /* eslint-enable lit-a11y/accessible-name */
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-modal': NetlifyIdentityModal;
  }
}
