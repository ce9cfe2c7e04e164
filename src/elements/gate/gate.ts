import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { IdentityElement } from '../../internal/identity-element.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';
import { openIdentityModal } from '../modal/open-modal.js';

/**
 * Shows its content only to a logged-in user or, with `roles`, only to users holding one of those
 * roles (`app_metadata.roles`); the `fallback` slot otherwise. It follows logins, logouts and token
 * refreshes: a role an admin gives shows here after the user's next refresh, as on Netlify.
 *
 * It hides; it does not protect. Its content is in the page for anyone who reads the source. Keep
 * what must stay private behind a `Role=` redirect rule or a function that checks the user.
 *
 * @summary Content for logged-in users, or for some roles only.
 * @slot - What permitted users see.
 * @slot fallback - What everyone else sees. By default: a Log in button when logged out, a short
 *   note when logged in without one of the roles.
 * @fires netlify-identity-open - When its Log in button opens the modal.
 * @csspart fallback - The default fallback's wrapper.
 * @csspart button - The default fallback's Log in button.
 * @csspart message - The default fallback's note to a user without the role.
 * @cssprop --netlify-identity-color-accent - Primary buttons, links and focus accents.
 * @cssprop --netlify-identity-color-accent-hover - Primary buttons under the pointer.
 * @cssprop --netlify-identity-color-on-accent - Text on the accent colour.
 * @cssprop --netlify-identity-color-text - Text.
 * @cssprop --netlify-identity-color-muted - Secondary text.
 * @cssprop --netlify-identity-focus-color - The focus ring.
 * @cssprop --netlify-identity-font-family - The font.
 * @cssprop --netlify-identity-radius - Corner radius.
 * @cssprop --netlify-identity-spacing - The base spacing unit.
 */
export class NetlifyIdentityGate extends IdentityElement {
  static override styles = [
    hostTokens,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      p {
        margin: 0;
        font-family: var(--_font);
        color: var(--_muted);
      }
    `,
  ];

  /** Space-separated roles, any one of which lets a user in; empty: any logged-in user. */
  @property({ reflect: true }) roles = '';

  /** True when the current user may see the content. */
  get permitted(): boolean {
    const { user } = this.identity.state;
    if (!user) return false;
    const wanted = this.roles.split(/\s+/).filter(Boolean);
    return wanted.length === 0 || wanted.some((role) => user.roles?.includes(role));
  }

  private handleSlotChange(): void {
    this.requestUpdate();
  }

  private handleLogin(event: Event): void {
    openIdentityModal('login', { opener: event.currentTarget as Element });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { user, status } = this.identity.state;
    // Neither side until the session is restored: no flash of the wrong one.
    if (status === 'initializing') return nothing;
    if (this.permitted) return html`<slot></slot>`;
    // The default is rendered beside an empty slot rather than as the slot's fallback content.
    const custom = this.querySelector(':scope > [slot="fallback"]') !== null;
    return html`<slot name="fallback" @slotchange=${this.handleSlotChange}></slot>${
        custom
          ? nothing
          : html`<div part="fallback">
              ${
                user
                  ? html`<p part="message">${this.t('gate.noAccess')}</p>`
                  : html`<button part="button" class="primary" @click=${this.handleLogin}>
                      ${this.t('action.login')}
                    </button>`
              }
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-gate': NetlifyIdentityGate;
  }
}
