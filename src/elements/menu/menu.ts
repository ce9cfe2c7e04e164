import { CoreElement, createButton, setText, showOnly } from '../../internal/core-element.js';
import { ModalOpenerController } from '../../internal/modal-opener.js';
import type { ModalView } from '../modal/modal.js';
import { css } from '../../styles/css.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';

/**
 * The account menu for a site header. Logged out: "Log in" and "Sign up" (no "Sign up" when the site
 * has closed signups). Logged in: the user's name (or email), which opens their account, and "Log out".
 *
 * Renders from the store's state at once (the stored session included), before the modal's code
 * has loaded: it fetches that code when the browser is idle and when a pointer or focus reaches
 * its buttons.
 *
 * @summary Log in / Sign up, or the user's name and Log out.
 * @attr theme - `light`, `dark`, or `auto` (follows the system's colour scheme).
 * @attr locale - BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language.
 * @property {'light' | 'dark' | 'auto'} theme - `light`, `dark`, or `auto` (follows the system's colour scheme).
 * @property {string | undefined} locale - BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language.
 * @fires netlify-identity-open - When a button opens the modal; `detail.tab` is `login`, `signup` or `account`.
 * @fires netlify-identity-error - When logging out fails, or the modal's code cannot be loaded; `detail.error` says why.
 * @fires netlify-identity-logout - After "Log out".
 * @csspart base - The wrapper of the buttons.
 * @csspart login-button - The "Log in" button.
 * @csspart signup-button - The "Sign up" button.
 * @csspart user - The logged-in user's name: a button that opens their account in the modal.
 * @csspart logout-button - The "Log out" button.
 * @csspart error - Why the modal could not open (its code could not be loaded).
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
 */
export class NetlifyIdentityMenu extends CoreElement {
  static override styles = [
    hostTokens,
    buttonStyles,
    css`
      :host {
        display: inline-block;
        font-family: var(--_font);
        color: var(--_text);
      }
      :host([hidden]) {
        display: none;
      }
      [part='base'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      /* A long name is cut short; its title attribute has it in full. */
      [part='user'] {
        font-weight: 600;
        border-color: transparent;
        max-inline-size: 15rem;
      }
      [part='error'] {
        flex-basis: 100%;
        margin: 0;
        color: var(--_error);
      }
    `,
  ];

  private readonly opener = new ModalOpenerController(this, () => this.identity.store);
  private readonly base = document.createElement('div');
  private readonly loginButton = createButton(
    'login-button',
    (event) => this.handleOpen(event, 'login'),
    this.opener.handleIntent,
  );
  private readonly signupButton = createButton(
    'signup-button',
    (event) => this.handleOpen(event, 'signup'),
    this.opener.handleSignupIntent,
  );
  private readonly userName = createButton(
    'user',
    (event) => this.handleOpen(event, 'user'),
    this.opener.handleIntent,
  );
  private readonly logoutButton = createButton('logout-button', () => void this.handleLogout());
  private readonly errorMessage = document.createElement('p');

  constructor() {
    super();
    this.base.setAttribute('part', 'base');
    this.loginButton.classList.add('primary');
    this.userName.setAttribute('aria-haspopup', 'dialog');
    this.errorMessage.setAttribute('part', 'error');
    this.errorMessage.setAttribute('role', 'alert');
    this.renderRoot.append(this.base);
  }

  private handleOpen(event: Event, tab: ModalView): void {
    void this.opener.open(tab, event.currentTarget as Element);
  }

  private async handleLogout(): Promise<void> {
    await this.identity.store.logout(this).catch(() => undefined);
  }

  protected override update(): void {
    // The stored session is known from the start: no waiting, no flash of "Log in".
    const { user, settings } = this.identity.state;
    const error = this.opener.error;
    if (error) setText(this.errorMessage, this.describeError(error));
    if (user) {
      const name = user.name ?? user.email ?? '';
      setText(this.userName, name);
      this.userName.title = name;
      // The visible name first (what speech input users say), then where it leads.
      this.userName.setAttribute('aria-label', `${name}, ${this.t('account.title')}`);
      setText(this.logoutButton, this.t('action.logout'));
      showOnly(this.base, [this.userName, this.logoutButton]);
      return;
    }
    setText(this.loginButton, this.t('action.login'));
    setText(this.signupButton, this.t('action.signup'));
    showOnly(this.base, [
      this.loginButton,
      // Shown once the settings say signups are open, so a closed site never flashes it.
      ...(settings && !settings.disableSignup ? [this.signupButton] : []),
      ...(error ? [this.errorMessage] : []),
    ]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-menu': NetlifyIdentityMenu;
  }
}
