import { CoreElement, createButton, setText, showOnly } from '../../internal/core-element.js';
import { ModalOpenerController } from '../../internal/modal-opener.js';
import { css } from '../../styles/css.js';
import { buttonStyles, hostTokens } from '../../styles/tokens.js';

/**
 * Shows its content only to a logged-in user or, with `roles`, only to users holding one of those
 * roles (`app_metadata.roles`); the `fallback` slot otherwise. It follows logins, logouts and token
 * refreshes: a role an admin gives shows here after the user's next refresh, as on Netlify.
 *
 * It hides; it does not protect. Its content is in the page for anyone who reads the source. Keep
 * what must stay private behind a `Role=` redirect rule or a function that checks the user.
 *
 * @summary Content for logged-in users, or for some roles only.
 * @attr roles - Space-separated roles, any one of which lets a user in; none: any logged-in user.
 * @attr theme - `light`, `dark`, or `auto` (follows the system's colour scheme).
 * @attr locale - BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language.
 * @slot - What permitted users see.
 * @slot fallback - What everyone else sees. By default: a Log in button when logged out, a short
 *   note when logged in without one of the roles.
 * @fires netlify-identity-open - When its Log in button opens the modal.
 * @fires netlify-identity-error - When the modal's code cannot be loaded; `detail.error` says why.
 * @csspart fallback - The default fallback's wrapper.
 * @csspart button - The default fallback's Log in button.
 * @csspart message - The default fallback's note to a user without the role.
 * @csspart error - Why the modal could not open (its code could not be loaded).
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
export class NetlifyIdentityGate extends CoreElement {
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
      [part='error'] {
        margin-top: 0.5rem;
        color: var(--_error);
      }
    `,
  ];
  static override readonly observedAttributes = ['theme', 'locale', 'roles'];

  private readonly opener = new ModalOpenerController(this, () => this.identity.store);
  private readonly content = document.createElement('slot');
  private readonly fallbackSlot = document.createElement('slot');
  private readonly fallback = document.createElement('div');
  private readonly loginButton = createButton(
    'button',
    (event) => void this.opener.open('login', event.currentTarget as Element),
    this.opener.handleIntent,
  );
  private readonly message = document.createElement('p');
  private readonly errorMessage = document.createElement('p');

  constructor() {
    super();
    this.fallbackSlot.setAttribute('name', 'fallback');
    // A fallback the page gives replaces the default one.
    this.fallbackSlot.addEventListener('slotchange', () => this.requestUpdate());
    this.fallback.setAttribute('part', 'fallback');
    this.loginButton.classList.add('primary');
    this.message.setAttribute('part', 'message');
    this.errorMessage.setAttribute('part', 'error');
    this.errorMessage.setAttribute('role', 'alert');
  }

  /** Space-separated roles, any one of which lets a user in; empty: any logged-in user. */
  get roles(): string {
    return this.getAttribute('roles') ?? '';
  }
  set roles(roles: string) {
    this.setAttribute('roles', roles);
  }

  /** True when the current user may see the content. */
  get permitted(): boolean {
    const { user } = this.identity.state;
    if (!user) return false;
    const wanted = this.roles.split(/\s+/).filter(Boolean);
    return wanted.length === 0 || wanted.some((role) => user.roles?.includes(role));
  }

  protected override update(): void {
    // The stored session is known from the start, so the right side shows at once.
    if (this.permitted) {
      showOnly(this.renderRoot, [this.content]);
      return;
    }
    const { user } = this.identity.state;
    const error = this.opener.error;
    const custom = this.querySelector(':scope > [slot="fallback"]') !== null;
    if (user) setText(this.message, this.t('gate.noAccess'));
    else setText(this.loginButton, this.t('action.login'));
    if (error) setText(this.errorMessage, this.describeError(error));
    showOnly(this.fallback, [
      user ? this.message : this.loginButton,
      ...(error && !user ? [this.errorMessage] : []),
    ]);
    // The default is shown beside an empty slot rather than as the slot's own fallback content.
    showOnly(this.renderRoot, custom ? [this.fallbackSlot] : [this.fallbackSlot, this.fallback]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-gate': NetlifyIdentityGate;
  }
}
