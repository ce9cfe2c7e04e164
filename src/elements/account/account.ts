import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { User, UserUpdates } from '@netlify/identity';
import { IdentityFormElement } from '../../internal/form-element.js';
import { alertRegion, field, hiddenUsername, submitButton } from '../../internal/form-parts.js';
import { SubmitController } from '../../internal/submit-controller.js';
import type { MessageKey } from '../../localize/localize.js';
import '../login/define.js';

type Section = 'name' | 'email' | 'password';

/**
 * The logged-in user's account: name, picture and email; edit the name, change the email (confirmed
 * through the link sent to the new address, pending until then), change the password, log out.
 * Logged out, it offers the login form.
 *
 * @summary Manage the logged-in user's name, email and password.
 * @fires netlify-identity-user-updated - After the name, email or password is saved.
 * @fires netlify-identity-logout - After "Log out".
 * @fires netlify-identity-error - When a change fails; `detail.error` says why.
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
export class NetlifyAccount extends IdentityFormElement {
  protected static override viewStyles = css`
    :where(netlify-account) {
      & :where(h3) {
        font-size: 1.05rem;
        margin: 0;
      }
      & :where(.section) {
        display: grid;
        gap: 0.75rem;
        padding-block-start: var(--_space);
        border-block-start: 1px solid var(--_divider);
      }
      & :where(.section button[type='submit']) {
        justify-self: start;
      }
      & :where(.profile) {
        display: flex;
        align-items: center;
        gap: 0.75rem;
      }
      & :where(.profile p) {
        margin: 0;
      }
      & :where(.profile-name) {
        font-weight: 600;
      }
      & :where(.profile-email) {
        color: var(--_muted);
      }
      & :where(.avatar) {
        display: inline-grid;
        place-items: center;
        inline-size: 3rem;
        block-size: 3rem;
        border-radius: 50%;
        background: var(--_accent);
        color: var(--_on-accent);
        font-weight: 600;
        object-fit: cover;
      }
    }
  `;

  readonly #requests: Record<Section, SubmitController> = {
    name: new SubmitController(this),
    email: new SubmitController(this),
    password: new SubmitController(this),
  };

  /** Which section last saved successfully, for its confirmation message. */
  @state() private saved?: Section;

  /**
   * The fewest characters a new password may have; said under the field and checked before
   * sending. Default 8.
   */
  @property({ attribute: 'password-min-length', type: Number })
  override passwordMinLength?: number;

  override get viewTitle(): string {
    return this.t('account.title');
  }

  private async save(
    section: Section,
    event: SubmitEvent,
    build: (values: Record<string, string>) => UserUpdates,
  ): Promise<void> {
    const request = this.#requests[section];
    const values = this.readValidForm(event, request);
    if (!values) return;
    this.saved = undefined;
    const form = event.currentTarget as HTMLFormElement;
    const ok = await request.run(() => this.identity.store.updateUser(build(values), this));
    if (ok) {
      this.saved = section;
      // A changed password or email is not left in the field once it is saved.
      if (section !== 'name') form.reset();
    }
  }

  private handleName(event: SubmitEvent): Promise<void> {
    return this.save('name', event, ({ name = '' }) => ({ data: { full_name: name } }));
  }

  private handleEmail(event: SubmitEvent): Promise<void> {
    return this.save('email', event, ({ email = '' }) => ({ email }));
  }

  private handlePassword(event: SubmitEvent): Promise<void> {
    return this.save('password', event, ({ password = '' }) => ({ password }));
  }

  private renderAvatar(user: User, name: string): TemplateResult {
    if (user.pictureUrl) {
      return html`<img
        class="avatar"
        src=${user.pictureUrl}
        alt=${this.t('account.avatar', { name })}
        width="48"
        height="48"
      />`;
    }
    const initials = name
      .split(/[\s@.]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join('');
    return html`<span class="avatar" aria-hidden="true">${initials}</span>`;
  }

  private renderSection(
    section: Section,
    heading: MessageKey,
    savedMessage: MessageKey | undefined,
    form: TemplateResult,
  ): TemplateResult {
    const request = this.#requests[section];
    return html`<section class="section" aria-labelledby=${`${this.idPrefix}-${section}`}>
      <h3 id=${`${this.idPrefix}-${section}`}>${this.t(heading)}</h3>
      ${alertRegion(request.error ? this.describeError(request.error) : undefined)}
      ${
        this.saved === section && savedMessage
          ? html`<p class="notice" role="status">${this.t(savedMessage)}</p>`
          : nothing
      }
      ${form}
    </section>`;
  }

  private renderAccount(user: User): TemplateResult {
    const name = user.name ?? user.email ?? '';
    const busy = (section: Section) => this.#requests[section].busy;
    return html`<div class="profile">
        ${this.renderAvatar(user, name)}
        <div>
          <p class="profile-name">${name}</p>
          <p class="profile-email">${user.email}</p>
        </div>
      </div>
      ${this.renderSection(
        'name',
        'account.profileSection',
        'account.nameSaved',
        html`<form novalidate @submit=${this.handleName}>
          ${field({
            id: `${this.idPrefix}-name-field`,
            name: 'name',
            type: 'text',
            autocomplete: 'name',
            label: this.t('field.name'),
            value: user.name ?? '',
            error: this.fieldError('name'),
          })}
          ${submitButton(this.t('account.saveName'), this.t('status.saving'), busy('name'))}
        </form>`,
      )}
      ${this.renderSection(
        'email',
        'account.emailSection',
        undefined,
        html`${
            user.pendingEmail
              ? html`<p class="notice" role="status">
                  ${this.t('account.emailPending', { email: user.pendingEmail })}
                </p>`
              : nothing
          }
          <form novalidate @submit=${this.handleEmail}>
            ${field({
              id: `${this.idPrefix}-email-field`,
              name: 'email',
              type: 'email',
              autocomplete: 'email',
              label: this.t('account.newEmail'),
              error: this.fieldError('email'),
            })}
            ${submitButton(this.t('account.changeEmail'), this.t('status.saving'), busy('email'))}
          </form>`,
      )}
      ${this.renderSection(
        'password',
        'account.passwordSection',
        'account.passwordSaved',
        html`<form novalidate @submit=${this.handlePassword}>
          ${hiddenUsername(user.email)}
          ${this.newPasswordField({
            id: `${this.idPrefix}-password-field`,
            name: 'password',
            label: this.t('field.newPassword'),
            error: this.fieldError('password'),
          })}
          ${submitButton(this.t('account.changePassword'), this.t('status.saving'), busy('password'))}
        </form>`,
      )}
      <div class="footer">
        <button
          type="button"
          @click=${() => void this.identity.store.logout(this).catch(() => undefined)}
        >
          ${this.t('action.logout')}
        </button>
      </div>`;
  }

  protected override render(): TemplateResult {
    const { user } = this.identity.state;
    const heading = this.headless ? nothing : html`<h2>${this.viewTitle}</h2>`;
    if (!user) {
      return html`${heading}
        <p>${this.t('account.loggedOut')}</p>
        <netlify-login headless theme=${this.theme}></netlify-login>`;
    }
    return html`${heading} ${this.renderAccount(user)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-account': NetlifyAccount;
  }
}
