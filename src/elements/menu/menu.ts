import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { IdentityElement } from '../../internal/identity-element.js';
import type { IdentityTab } from '../../store/events.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';
import { openIdentityModal } from '../modal/open-modal.js';

/**
 * The account menu for a site header. Logged out: "Log in" and "Sign up" (no "Sign up" when the site
 * has closed signups). Logged in: the user's name (or email) and "Log out".
 *
 * @summary Log in / Sign up, or the user's name and Log out.
 * @fires netlify-identity-open - When a button opens the modal; `detail.tab` is `login` or `signup`.
 * @fires netlify-identity-error - When logging out fails; `detail.error` says why.
 * @fires netlify-identity-logout - After "Log out".
 * @csspart base - The wrapper of the buttons.
 * @csspart login-button - The "Log in" button.
 * @csspart signup-button - The "Sign up" button.
 * @csspart user - The logged-in user's name.
 * @csspart logout-button - The "Log out" button.
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
export class NetlifyIdentityMenu extends IdentityElement {
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
      [part='user'] {
        font-weight: 600;
      }
    `,
  ];

  private handleOpen(event: Event, tab: IdentityTab): void {
    openIdentityModal(tab, { opener: event.currentTarget as Element });
  }

  private async handleLogout(): Promise<void> {
    await this.identity.store.logout(this).catch(() => undefined);
  }

  protected override render(): TemplateResult | typeof nothing {
    const { status, user, settings } = this.identity.state;
    // Nothing to restore: "Log in" is usable at once; otherwise wait, so as not to flash it.
    if (status === 'initializing' && this.identity.store.mayHaveSession) return nothing;
    if (user) {
      return html`<div part="base">
        <span part="user">${user.name ?? user.email}</span>
        <button part="logout-button" @click=${this.handleLogout}>${this.t('action.logout')}</button>
      </div>`;
    }
    return html`<div part="base">
      <button
        part="login-button"
        class="primary"
        @click=${(e: Event) => this.handleOpen(e, 'login')}
      >
        ${this.t('action.login')}
      </button>
      ${
        // Shown once the settings say signups are open, so a closed site never flashes it.
        !settings || settings.disableSignup
          ? nothing
          : html`<button part="signup-button" @click=${(e: Event) => this.handleOpen(e, 'signup')}>
              ${this.t('action.signup')}
            </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-menu': NetlifyIdentityMenu;
  }
}
