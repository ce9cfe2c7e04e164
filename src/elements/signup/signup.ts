import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IdentityFormElement } from '../../internal/form-element.js';
import { alertRegion, field, loggedInNotice, submitButton } from '../../internal/form-parts.js';
import { requestView } from '../modal/navigation.js';

/**
 * Creates an account with name, email and password, or through an OAuth provider. When the site
 * autoconfirms, the new user is logged in at once; otherwise they are asked to open the confirmation
 * link sent to them. When signups are closed it says so instead of showing a form.
 *
 * @summary Sign up with email and password or an OAuth provider.
 * @fires netlify-identity-signup - After the account is created; `detail.user` is the new user.
 * @fires netlify-identity-login - After signup on a site that autoconfirms (the user is logged in).
 * @fires netlify-identity-error - When signup fails; `detail.error` says why.
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
export class NetlifySignup extends IdentityFormElement {
  @state() private awaitingConfirmation = '';

  /** Placeholder of the name field (the legacy widget's `namePlaceholder`). */
  @property({ attribute: 'name-placeholder' }) namePlaceholder?: string;

  /** Extra user_metadata sent with the signup; `full_name` pre-fills the name field. */
  @property({ attribute: false }) metadata: Record<string, unknown> = {};

  /**
   * The fewest characters a new password may have; said under the field and checked before
   * sending. Default 8.
   */
  @property({ attribute: 'password-min-length', type: Number })
  override passwordMinLength?: number;

  override get viewTitle(): string {
    return this.t('signup.title');
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    const values = this.readValidForm(event);
    if (!values) return;
    const { name = '', email = '', password = '' } = values;
    let loggedIn = false;
    const created = await this.submission.run(async () => {
      const result = await this.identity.store.signup(
        email,
        password,
        { ...this.metadata, full_name: name },
        this,
      );
      loggedIn = result.loggedIn;
    });
    if (created && !loggedIn) this.awaitingConfirmation = email;
  }

  private renderForm(): TemplateResult {
    const busy = this.submission.busy;
    const fullName = this.metadata['full_name'];
    return html`${this.renderProvidersAboveForm()}
      <form novalidate @submit=${this.handleSubmit} aria-busy=${busy ? 'true' : 'false'}>
        ${field({
          id: `${this.idPrefix}-name`,
          name: 'name',
          type: 'text',
          autocomplete: 'name',
          label: this.t('field.name'),
          error: this.fieldError('name'),
          value: typeof fullName === 'string' ? fullName : undefined,
          placeholder: this.namePlaceholder,
        })}
        ${field({
          id: `${this.idPrefix}-email`,
          name: 'email',
          type: 'email',
          autocomplete: 'email',
          label: this.t('field.email'),
          error: this.fieldError('email'),
        })}
        ${this.newPasswordField({
          id: `${this.idPrefix}-password`,
          name: 'password',
          label: this.t('field.password'),
          error: this.fieldError('password'),
        })}
        ${submitButton(this.t('signup.submit'), this.t('signup.busy'), busy)}
      </form>
      <div class="footer">
        <span
          >${this.t('signup.hasAccount')}
          <button type="button" class="link" @click=${() => requestView(this, 'login')}>
            ${this.t('action.login')}
          </button></span
        >
      </div>`;
  }

  protected override render(): TemplateResult {
    const { settings, error: storeError } = this.identity.state;
    const unavailable = !settings && storeError?.code === 'identity_unavailable';
    const error = this.submission.error ?? (unavailable ? storeError : null);
    const heading = this.headless ? nothing : html`<h2>${this.viewTitle}</h2>`;
    const user = this.identity.state.user;
    if (user && !this.submission.busy) {
      return html`${heading}
      ${loggedInNotice(
        this.t('loggedIn.as', { name: user.name ?? user.email ?? '' }),
        this.t('action.logout'),
        () => void this.identity.store.logout(this).catch(() => undefined),
      )}`;
    }
    if (settings?.disableSignup) {
      return html`${heading}
        <p class="notice info" role="status">${this.t('signup.disabled')}</p>`;
    }
    if (this.awaitingConfirmation) {
      return html`${heading}
        <p class="notice" role="status">
          ${this.t('signup.checkEmail', { email: this.awaitingConfirmation })}
        </p>`;
    }
    return html`${heading} ${alertRegion(error ? this.describeError(error) : undefined)}
    ${this.submission.slow ? html`<p class="status" role="status">${this.t('status.slow')}</p>` : nothing}
    ${unavailable ? nothing : this.renderForm()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-signup': NetlifySignup;
  }
}
