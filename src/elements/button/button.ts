import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { IdentityElement } from '../../internal/identity-element.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';
import { openIdentityModal } from '../modal/open-modal.js';

/**
 * One button: "Log in" when logged out (opens the modal), "Log out" when logged in.
 *
 * @summary A single Log in / Log out button.
 * @slot - The logged-out label (default "Log in").
 * @fires netlify-identity-open - When it opens the modal.
 * @fires netlify-identity-error - When logging out fails; `detail.error` says why.
 * @fires netlify-identity-logout - After it logs the user out.
 * @csspart button - The button.
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
    `,
  ];

  private async handleClick(event: Event): Promise<void> {
    if (this.identity.state.user) {
      await this.identity.store.logout(this).catch(() => undefined);
    } else {
      openIdentityModal('login', { opener: event.currentTarget as Element });
    }
  }

  protected override render(): TemplateResult {
    const { user, status } = this.identity.state;
    return html`<button
      part="button"
      class="primary"
      aria-busy=${status === 'initializing' ? 'true' : 'false'}
      @click=${this.handleClick}
    >
      ${user ? this.t('action.logout') : html`<slot>${this.t('action.login')}</slot>`}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-button': NetlifyIdentityButton;
  }
}
