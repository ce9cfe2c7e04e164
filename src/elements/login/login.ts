import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { IdentityFormElement } from '../../internal/form-element.js';
import { alertRegion, field, loggedInNotice, submitButton } from '../../internal/form-parts.js';
import { loadSignupView } from '../modal/load-views.js';
import { requestView } from '../modal/navigation.js';

type LoginView = 'login' | 'recovery-request' | 'recovery-sent';

/** The signup view has code of its own: fetch it when the user is about to ask for it. */
function preloadSignup(): void {
  loadSignupView().catch(() => undefined);
}

/**
 * Email and password login, OAuth buttons for the providers the site enables, and the
 * "Forgot password?" path to a reset link.
 *
 * @summary Log in with email and password or an OAuth provider.
 * @fires netlify-identity-login - After a successful login; `detail.user` is the user.
 * @fires netlify-identity-error - When a login or reset request fails; `detail.error` says why.
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
export class NetlifyLogin extends IdentityFormElement {
  @state() private view: LoginView = 'login';
  @state() private sentTo = '';
  /** The email typed in one view, carried into the next (login ⇄ reset). */
  @state() private typedEmail = '';

  override get viewTitle(): string {
    return this.t(this.view === 'login' ? 'login.title' : 'recoveryRequest.title');
  }

  private async handleLogin(event: SubmitEvent): Promise<void> {
    const values = this.readValidForm(event);
    if (!values) return;
    const { email = '', password = '' } = values;
    await this.submission.run(() => this.identity.store.login(email, password, this));
  }

  private async handleRecoveryRequest(event: SubmitEvent): Promise<void> {
    const email = await this.sendRecoveryLink(event);
    if (email === undefined) return;
    this.sentTo = email;
    this.show('recovery-sent');
  }

  private show(view: LoginView): void {
    const email = this.querySelector<HTMLInputElement>('form input[name="email"]')?.value.trim();
    if (email) this.typedEmail = email;
    this.view = view;
    this.fieldErrors = {};
    this.submission.reset();
    this.notifyViewChange();
    // The email is already there: the caret goes to the first field still empty.
    void this.updateComplete.then(() => {
      const inputs = [
        ...this.querySelectorAll<HTMLInputElement>('form input:not([tabindex="-1"])'),
      ];
      (inputs.find((input) => !input.value) ?? inputs[0])?.focus();
    });
  }

  private renderLogin(): TemplateResult {
    const { settings } = this.identity.state;
    const busy = this.submission.busy;
    return html`${this.renderProvidersAboveForm()}
      <form novalidate @submit=${this.handleLogin} aria-busy=${busy ? 'true' : 'false'}>
        ${field({
          id: `${this.idPrefix}-email`,
          name: 'email',
          type: 'email',
          autocomplete: 'username',
          label: this.t('field.email'),
          error: this.fieldError('email'),
          value: this.typedEmail,
        })}
        ${this.passwordField({
          id: `${this.idPrefix}-password`,
          name: 'password',
          autocomplete: 'current-password',
          label: this.t('field.password'),
          error: this.fieldError('password'),
        })}
        ${submitButton(this.t('login.submit'), this.t('login.busy'), busy)}
      </form>
      <div class="footer">
        <button type="button" class="link" @click=${() => this.show('recovery-request')}>
          ${this.t('login.forgot')}
        </button>
        ${
          settings?.disableSignup
            ? nothing
            : html`<span
                >${this.t('login.noAccount')}
                <button
                  type="button"
                  class="link"
                  @click=${() => requestView(this, 'signup')}
                  @pointerenter=${preloadSignup}
                  @focus=${preloadSignup}
                >
                  ${this.t('action.signup')}
                </button></span
              >`
        }
      </div>`;
  }

  private renderRecoveryRequest(): TemplateResult {
    const busy = this.submission.busy;
    return html`<p>${this.t('recoveryRequest.intro')}</p>
      <form novalidate @submit=${this.handleRecoveryRequest} aria-busy=${busy ? 'true' : 'false'}>
        ${field({
          id: `${this.idPrefix}-recovery-email`,
          name: 'email',
          type: 'email',
          autocomplete: 'email',
          label: this.t('field.email'),
          error: this.fieldError('email'),
          value: this.typedEmail,
        })}
        ${submitButton(this.t('recoveryRequest.submit'), this.t('recoveryRequest.busy'), busy)}
      </form>
      <div class="footer">
        <button type="button" class="link" @click=${() => this.show('login')}>
          ${this.t('recoveryRequest.back')}
        </button>
      </div>`;
  }

  private renderBody(): TemplateResult {
    if (this.view === 'recovery-sent') {
      return html`<p class="notice">${this.t('recoveryRequest.sent', { email: this.sentTo })}</p>
        <div class="footer">
          <button type="button" class="link" @click=${() => this.show('login')}>
            ${this.t('recoveryRequest.back')}
          </button>
        </div>`;
    }
    return this.view === 'login' ? this.renderLogin() : this.renderRecoveryRequest();
  }

  private renderLoggedIn(name: string): TemplateResult {
    return loggedInNotice(this.t('loggedIn.as', { name }), this.t('action.logout'), () => {
      void this.identity.store.logout(this).catch(() => undefined);
    });
  }

  protected override render(): TemplateResult {
    const { error: storeError, settings, user } = this.identity.state;
    if (user && !this.submission.busy) {
      return html`${this.headless ? nothing : html`<h2>${this.t('loggedIn.title')}</h2>`}
      ${this.renderLoggedIn(user.name ?? user.email ?? '')}`;
    }
    const unavailable = !settings && storeError?.code === 'identity_unavailable';
    const error = this.submission.error ?? (unavailable ? storeError : null);
    return html`${this.headless ? nothing : html`<h2>${this.viewTitle}</h2>`}
    ${alertRegion(error ? this.describeError(error) : undefined)}
    ${this.submission.slow ? html`<p class="status" role="status">${this.t('status.slow')}</p>` : nothing}
    ${unavailable ? nothing : this.renderBody()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-login': NetlifyLogin;
  }
}
