import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IdentityFormElement } from '../../internal/form-element.js';
import { alertRegion, field, hiddenUsername, submitButton } from '../../internal/form-parts.js';
import type { CallbackState } from '../../store/identity-store.js';
import '../login/define.js';
import { sameOriginPath } from './same-origin.js';

/**
 * Finishes what an auth link started: email confirmation, password recovery (asks for the new
 * password), invitations (asks for a password or offers the OAuth providers), email changes, OAuth
 * returns and `#error=` returns. Clears the hash from the URL; renders nothing when there is none.
 *
 * @summary Handles the URL hash of confirmation, recovery, invite, email-change and OAuth links.
 * @fires netlify-identity-login - After a confirmation link, an OAuth return or an accepted invite.
 * @fires netlify-identity-recovery - When a recovery link gave the user a session.
 * @fires netlify-identity-user-updated - After the new password is saved or the email changed.
 * @fires netlify-identity-error - When the link is invalid or expired; `detail.error` says why.
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
export class NetlifyAuthCallback extends IdentityFormElement {
  @state() private handling = false;

  /** A path on this site to go to after success; anything else is ignored. */
  @property() redirect?: string;

  override get viewTitle(): string {
    const callback = this.identity.state.callback;
    if (callback?.type === 'recovery' && callback.status === 'needs-password') {
      return this.t('recovery.title');
    }
    if (callback?.type === 'invite' && callback.status === 'needs-password') {
      return this.t('invite.title');
    }
    if (callback?.type === 'error') return this.t('callback.errorTitle');
    return callback ? this.t('callback.title') : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.handling = true;
    void this.identity.store.handleCallback(this).finally(() => {
      this.handling = false;
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const callback = this.identity.state.callback;
    if (callback && this.isFinished(callback)) this.followRedirect();
  }

  private isFinished(callback: CallbackState): boolean {
    return callback.status === 'done';
  }

  private followRedirect(): void {
    const target = sameOriginPath(this.redirect, location.origin);
    if (target && target !== location.pathname + location.search) location.assign(target);
  }

  private async handleNewPassword(event: SubmitEvent): Promise<void> {
    const values = this.readValidForm(event);
    if (!values) return;
    const { password = '' } = values;
    const { store, state: current } = this.identity;
    await this.submission.run(() =>
      current.callback?.type === 'invite'
        ? store.acceptInvite(password, this)
        : store.completeRecovery(password, this),
    );
  }

  private renderPasswordForm(submit: string, busyLabel: string): TemplateResult {
    const busy = this.submission.busy;
    return html`<form
      novalidate
      @submit=${this.handleNewPassword}
      aria-busy=${busy ? 'true' : 'false'}
    >
      ${hiddenUsername(this.identity.state.user?.email)}
      ${field({
        id: `${this.idPrefix}-new-password`,
        name: 'password',
        type: 'password',
        autocomplete: 'new-password',
        label: this.t('field.newPassword'),
        error: this.fieldError('password'),
      })}
      ${submitButton(submit, busyLabel, busy)}
    </form>`;
  }

  private renderInviteProviders(): TemplateResult | typeof nothing {
    const providers = this.identity.state.settings?.providers ?? [];
    if (providers.length === 0) return nothing;
    return html`<p class="separator">${this.t('invite.withProvider')}</p>
      ${this.renderProviderButtons(providers)}`;
  }

  private renderCallback(callback: CallbackState): TemplateResult | typeof nothing {
    switch (callback.type) {
      case 'error': {
        // What the provider or server said, shown as text (never markup) when it adds something.
        const said = callback.error.message;
        const described = this.describeError(callback.error);
        return html`${alertRegion(described)}
        ${said && !described.includes(said) ? html`<p class="status">${said}</p>` : nothing}`;
      }
      case 'confirmation':
        return html`<p class="notice" role="status">${this.t('callback.confirmed')}</p>`;
      case 'oauth':
        return html`<p class="notice" role="status">${this.t('callback.oauth')}</p>`;
      case 'email_change':
        return callback.status === 'done'
          ? html`<p class="notice" role="status">${this.t('callback.emailChanged')}</p>`
          : html`<p class="notice" role="status">${this.t('callback.emailChangeLogin')}</p>
              <netlify-login headless theme=${this.theme}></netlify-login>`;
      case 'recovery':
        return callback.status === 'done'
          ? html`<p class="notice" role="status">${this.t('recovery.done')}</p>`
          : this.renderPasswordForm(this.t('recovery.submit'), this.t('recovery.busy'));
      case 'invite':
        return callback.status === 'done'
          ? html`<p class="notice" role="status">${this.t('callback.oauth')}</p>`
          : html`<p>${this.t('invite.intro')}</p>
              ${this.renderPasswordForm(this.t('invite.submit'), this.t('invite.busy'))}
              ${this.renderInviteProviders()}`;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const callback = this.identity.state.callback;
    if (!callback) {
      return this.handling && this.identity.state.busy
        ? html`<p class="status" role="status">${this.t('callback.working')}</p>`
        : nothing;
    }
    const title = this.viewTitle;
    const error = this.submission.error;
    return html`${title && !this.headless ? html`<h2>${title}</h2>` : nothing}
    ${callback.type === 'error' ? nothing : alertRegion(error ? this.describeError(error) : undefined)}
    ${this.submission.slow ? html`<p class="status" role="status">${this.t('status.slow')}</p>` : nothing}
    ${this.renderCallback(callback)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-auth-callback': NetlifyAuthCallback;
  }
}
