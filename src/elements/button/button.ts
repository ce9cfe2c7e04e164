import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { IdentityElement } from '../../internal/identity-element.js';
import { ModalOpenerController } from '../../internal/modal-opener.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';

/**
 * One button: "Log in" when logged out (opens the modal), "Log out" when logged in.
 *
 * @summary A single Log in / Log out button.
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
export class NetlifyIdentityButton extends IdentityElement {
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

  private async handleClick(event: Event): Promise<void> {
    if (this.identity.state.user) {
      await this.identity.store.logout(this).catch(() => undefined);
    } else {
      await this.opener.open('login', event.currentTarget as Element);
    }
  }

  protected override render(): TemplateResult {
    const { user } = this.identity.state;
    const intent = user ? nothing : this.opener.handleIntent;
    return html`<button
        part="button"
        class="primary"
        @click=${this.handleClick}
        @pointerenter=${intent}
        @focus=${intent}
      >
        ${user ? this.t('action.logout') : html`<slot>${this.t('action.login')}</slot>`}
      </button>
      ${
        this.opener.error
          ? html`<p part="error" role="alert">${this.describeError(this.opener.error)}</p>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-button': NetlifyIdentityButton;
  }
}
