import { CoreElement, createButton, setText, showOnly } from '../../internal/core-element.js';
import { ModalOpenerController } from '../../internal/modal-opener.js';
import { css } from '../../styles/css.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';

/**
 * One button: "Log in" when logged out (opens the modal), "Log out" when logged in.
 *
 * Renders from the store's state at once, before the modal's code has loaded (fetched when the
 * browser is idle and on intent).
 *
 * @summary A single Log in / Log out button.
 * @attr theme - `light`, `dark`, or `auto` (follows the system's colour scheme).
 * @attr locale - BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language.
 * @property {'light' | 'dark' | 'auto'} theme - `light`, `dark`, or `auto` (follows the system's colour scheme).
 * @property {string | undefined} locale - BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language.
 * @slot - The logged-out label (default "Log in").
 * @fires netlify-identity-open - When it opens the modal.
 * @fires netlify-identity-error - When logging out fails, or the modal's code cannot be loaded; `detail.error` says why.
 * @fires netlify-identity-logout - After it logs the user out.
 * @csspart button - The button.
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
export class NetlifyIdentityButton extends CoreElement {
  static override styles = [
    hostTokens,
    buttonStyles,
    css`
      :host {
        display: inline-block;
        font-family: var(--_font);
      }
      :host([hidden]) {
        display: none;
      }
      [part='error'] {
        margin: 0.5rem 0 0;
        color: var(--_error);
      }
    `,
  ];

  private readonly opener = new ModalOpenerController(this, () => this.identity.store);
  private readonly button = createButton(
    'button',
    (event) => void this.handleClick(event),
    () => {
      if (!this.identity.state.user) this.opener.handleIntent();
    },
  );
  private readonly label = document.createElement('slot');
  private readonly logoutLabel = document.createTextNode('');
  private readonly errorMessage = document.createElement('p');

  constructor() {
    super();
    this.button.classList.add('primary');
    this.errorMessage.setAttribute('part', 'error');
    this.errorMessage.setAttribute('role', 'alert');
    this.renderRoot.append(this.button);
  }

  private async handleClick(event: Event): Promise<void> {
    if (this.identity.state.user) {
      await this.identity.store.logout(this).catch(() => undefined);
    } else {
      await this.opener.open('login', event.currentTarget as Element);
    }
  }

  protected override update(): void {
    const { user } = this.identity.state;
    const error = this.opener.error;
    if (user) {
      setText(this.logoutLabel, this.t('action.logout'));
      showOnly(this.button, [this.logoutLabel]);
    } else {
      // The element's own content, if any, is the logged-out label.
      setText(this.label, this.t('action.login'));
      showOnly(this.button, [this.label]);
    }
    if (error) {
      setText(this.errorMessage, this.describeError(error));
      if (!this.errorMessage.isConnected) this.renderRoot.append(this.errorMessage);
    } else {
      this.errorMessage.remove();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-button': NetlifyIdentityButton;
  }
}
