import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IdentityFormElement } from '../../internal/form-element.js';
import { alertRegion, field, hiddenUsername, submitButton } from '../../internal/form-parts.js';
import type { IdentityError } from '../../store/errors.js';
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
 * @cssprop --netlify-identity-color-divider - The rules around "or" and between sections.
 * @cssprop --netlify-identity-color-error - Error messages and invalid fields.
 * @cssprop --netlify-identity-color-success - The mark of success notices.
 * @cssprop --netlify-identity-focus-color - The focus ring.
 * @cssprop --netlify-identity-font-family - The font.
 * @cssprop --netlify-identity-radius - Corner radius.
 * @cssprop --netlify-identity-spacing - The base spacing unit.
 * @cssprop --netlify-identity-form-max-width - The widest the form grows (default 28rem).
 */
export class NetlifyAuthCallback extends IdentityFormElement {
  @state() private handling = false;
  /** The finished result the user closed (or navigated away from); a later link shows again. */
  @state() private dismissed: CallbackState | null = null;
  /** After a failed link: what the user chose to do next. */
  @state() private nextStep: 'choose' | 'login' | 'new-link' | 'new-link-sent' = 'choose';
  @state() private newLinkSentTo = '';

  /** A path on this site to go to after success; anything else is ignored. */
  @property() redirect?: string;

  /**
   * The fewest characters a new password may have; said under the field and checked before
   * sending. Default 8.
   */
  @property({ attribute: 'password-min-length', type: Number })
  override passwordMinLength?: number;

  override get viewTitle(): string {
    const callback = this.identity.state.callback;
    if (callback?.type === 'recovery' && callback.status === 'needs-password') {
      return this.t('recovery.title');
    }
    if (callback?.type === 'invite' && callback.status === 'needs-password') {
      return this.t('invite.title');
    }
    if (callback?.type === 'error') {
      const { code } = callback.error;
      if (code === 'access_denied') return this.t('callback.deniedTitle');
      if (code === 'invalid_token') return this.t('callback.expiredTitle');
      return this.t('callback.errorTitle');
    }
    return callback ? this.t('callback.title') : '';
  }

  /** Handles the page's auth link, and one opened later in this tab (only the hash changes). */
  private readonly handleLink = (): void => {
    this.handling = true;
    void this.identity.store.handleCallback(this).finally(() => {
      this.handling = false;
    });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.handleLink();
    window.addEventListener('hashchange', this.handleLink);
    window.addEventListener('popstate', this.handleNavigation);
    navigationApi()?.addEventListener('navigate', this.handleNavigation);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleLink);
    window.removeEventListener('popstate', this.handleNavigation);
    navigationApi()?.removeEventListener('navigate', this.handleNavigation);
  }

  /** The result on screen; a new one (another link) starts over from its own first step. */
  #shown: CallbackState | null = null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const callback = this.identity.state.callback;
    if (callback !== this.#shown) {
      this.#shown = callback;
      this.nextStep = 'choose';
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const callback = this.identity.state.callback;
    if (callback && this.isFinished(callback)) this.followRedirect();
  }

  private isFinished(callback: CallbackState): boolean {
    return callback.status === 'done';
  }

  /** The user moved on (a link in a single-page app, Back): a finished result has had its say. */
  private readonly handleNavigation = (event: Event): void => {
    // The store's own replaceState (taking the token out of the URL) is not the user moving on.
    const kind = (event as Event & { navigationType?: string }).navigationType;
    if (kind === 'replace' || kind === 'reload') return;
    const callback = this.identity.state.callback;
    if (callback && (callback.status === 'done' || callback.status === 'failed')) this.dismiss();
  };

  private dismiss(): void {
    this.dismissed = this.identity.state.callback;
    this.nextStep = 'choose';
  }

  private chooseNextStep(step: 'login' | 'new-link'): void {
    this.nextStep = step;
    this.fieldErrors = {};
    this.submission.reset();
    void this.updateComplete.then(() => this.querySelector<HTMLInputElement>('input')?.focus());
  }

  private async handleNewLink(event: SubmitEvent): Promise<void> {
    const email = await this.sendRecoveryLink(event);
    if (email === undefined) return;
    this.newLinkSentTo = email;
    this.nextStep = 'new-link-sent';
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
      ${this.newPasswordField({
        id: `${this.idPrefix}-new-password`,
        name: 'password',
        label: this.t('field.newPassword'),
        error: this.fieldError('password'),
      })}
      ${submitButton(submit, busyLabel, busy)}
    </form>`;
  }

  private renderInviteProviders(): TemplateResult | typeof nothing {
    const providers = this.identity.state.settings?.providers ?? [];
    if (providers.length === 0) return nothing;
    return html`<p class="separator"><span>${this.t('invite.withProvider')}</span></p>
      ${this.renderProviderButtons(providers)}`;
  }

  /**
   * A link that failed, in plain words (the server's own text never reaches the page: it is in the
   * error event for developers), and the way forward.
   */
  private renderFailure(error: IdentityError): TemplateResult {
    const { code } = error;
    const message =
      code === 'access_denied'
        ? this.t('callback.denied')
        : code === 'invalid_token'
          ? this.t('callback.expired')
          : code === 'unknown' || code === 'invalid_input'
            ? this.t('callback.failed')
            : this.describeError(error);
    return html`${alertRegion(message)}
    ${code === 'invalid_token' ? html`<p>${this.t('callback.expiredHelp')}</p>` : nothing}
    ${this.identity.state.user ? nothing : this.renderNextStep(code === 'invalid_token')}`;
  }

  private renderNextStep(offerNewLink: boolean): TemplateResult {
    const busy = this.submission.busy;
    switch (this.nextStep) {
      case 'login':
        return html`<netlify-login headless theme=${this.theme}></netlify-login>`;
      case 'new-link':
        return html`${alertRegion(this.submission.error ? this.describeError(this.submission.error) : undefined)}
          <form novalidate @submit=${this.handleNewLink} aria-busy=${busy ? 'true' : 'false'}>
            ${field({
              id: `${this.idPrefix}-new-link-email`,
              name: 'email',
              type: 'email',
              autocomplete: 'email',
              label: this.t('field.email'),
              error: this.fieldError('email'),
            })}
            ${submitButton(this.t('callback.sendNewLink'), this.t('recoveryRequest.busy'), busy)}
          </form>`;
      case 'new-link-sent':
        return html`<p class="notice" role="status">
          ${this.t('callback.newLinkSent', { email: this.newLinkSentTo })}
        </p>`;
      case 'choose':
        return html`<div class="actions">
          ${
            offerNewLink
              ? html`<button
                  type="button"
                  class="primary"
                  @click=${() => this.chooseNextStep('new-link')}
                >
                  ${this.t('callback.getNewLink')}
                </button>`
              : nothing
          }
          <button
            type="button"
            class=${offerNewLink ? '' : 'primary'}
            @click=${() => this.chooseNextStep('login')}
          >
            ${this.t('action.login')}
          </button>
        </div>`;
    }
  }

  private renderCallback(callback: CallbackState): TemplateResult | typeof nothing {
    switch (callback.type) {
      case 'error':
        return this.renderFailure(callback.error);
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
        // The link carries only the token, and GoTrue tells nothing about it before it is used:
        // the invited address is known, and said, once the invite is accepted.
        return callback.status === 'done'
          ? html`<p class="notice" role="status">
              ${this.t('invite.done', { email: this.identity.state.user?.email ?? '' })}
            </p>`
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
    if (callback === this.dismissed) return nothing;
    const title = this.viewTitle;
    const error = this.submission.error;
    const finished = callback.status === 'done' || callback.status === 'failed';
    return html`${
      title && !this.headless
        ? html`<div class="card-header">
            <h2>${title}</h2>
            ${
              finished
                ? html`<button
                    type="button"
                    class="dismiss"
                    aria-label=${this.t('action.dismiss')}
                    @click=${() => this.dismiss()}
                  >
                    <span aria-hidden="true">×</span>
                  </button>`
                : nothing
            }
          </div>`
        : nothing
    }
    ${callback.type === 'error' ? nothing : alertRegion(error ? this.describeError(error) : undefined)}
    ${this.submission.slow ? html`<p class="status" role="status">${this.t('status.slow')}</p>` : nothing}
    ${this.renderCallback(callback)}`;
  }
}

/** The Navigation API (Chromium), which also reports pushState navigations; absent elsewhere. */
function navigationApi(): EventTarget | undefined {
  return (globalThis as { navigation?: EventTarget }).navigation;
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-auth-callback': NetlifyAuthCallback;
  }
}
