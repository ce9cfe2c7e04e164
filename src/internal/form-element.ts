import { html, nothing } from 'lit';
import type { CSSResult, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OAuthProvider } from '../store/identity-store.js';
import { formStyles } from '../styles/form-styles.js';
import { field, formValues, providerName, validateForm } from './form-parts.js';
import type { FieldOptions, FieldProblem } from './form-parts.js';
import { minPasswordLength } from './password-policy.js';
import { IdentityElement } from './identity-element.js';
import { loadProviderMarks, providerMarks } from './provider-marks-loader.js';
import { SubmitController } from './submit-controller.js';

let instances = 0;

function adoptFormStyles(root: Node, viewStyles: CSSResult | undefined): void {
  const target = root as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in target)) return;
  // The shared sheet first: the view's rules, of the same (zero) specificity, come after it.
  const sheets = [formStyles.styleSheet, viewStyles?.styleSheet].filter(
    (sheet): sheet is CSSStyleSheet => !!sheet && !target.adoptedStyleSheets.includes(sheet),
  );
  if (sheets.length > 0) target.adoptedStyleSheets = [...target.adoptedStyleSheets, ...sheets];
}

/**
 * Base of the elements that hold forms. They render into the light DOM so that password managers
 * and autofill see real inputs in a real <form>; their styles are adopted by the document (or the
 * enclosing shadow root) as a constructed stylesheet, which a strict CSP allows.
 */
export class IdentityFormElement extends IdentityElement {
  /** Light-DOM styles of this view alone, adopted beside the shared form styles. */
  protected static viewStyles?: CSSResult;

  /** Unique prefix for the ids that tie labels, inputs and messages together. */
  protected readonly idPrefix = `netlify-identity-${++instances}`;

  /** The request of the form on screen: busy, slow, and its failure. */
  protected readonly submission = new SubmitController(this);

  /** Validation messages by field name, shown under the fields. */
  @state() protected fieldErrors: Record<string, FieldProblem> = {};

  /** Ids of the password inputs shown as text. */
  @state() private revealed: ReadonlySet<string> = new Set();

  /** Hides the element's own heading (the modal shows it in its title bar instead). */
  @property({ type: Boolean, reflect: true }) headless = false;

  /** Set by the forms that choose a new password (their `password-min-length` attribute). */
  protected passwordMinLength?: number;

  constructor() {
    super();
    // Typing is the intent to submit: have the identity client ready by then.
    this.addEventListener('input', () => void this.identity.store.preload());
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptFormStyles(
      this.getRootNode(),
      (this.constructor as typeof IdentityFormElement).viewStyles,
    );
  }

  /**
   * Focuses the first field of the form on screen (never a provider button, where Enter would leave
   * for the provider), else its first button.
   */
  override focus(options?: FocusOptions): void {
    this.focusTarget?.focus(options);
  }

  /** What `focus()` focuses. */
  get focusTarget(): HTMLElement | null {
    return (
      this.querySelector<HTMLElement>(
        'form input:not([type="hidden"]):not([tabindex="-1"]):not([disabled])',
      ) ?? this.querySelector<HTMLElement>('button:not([disabled]), a[href]')
    );
  }

  /** The heading of what is on screen now, for a container that shows it elsewhere. */
  get viewTitle(): string {
    return '';
  }

  /**
   * The submitted form's values, or null when a field is invalid (the messages are then shown and
   * the first invalid field focused) or a request is already running.
   */
  protected readValidForm(
    event: SubmitEvent,
    submission: SubmitController = this.submission,
  ): Record<string, string> | null {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this.fieldErrors = validateForm(form);
    if (Object.keys(this.fieldErrors).length > 0 || submission.busy) return null;
    return formValues(form);
  }

  /** Sends a password-reset link to the submitted form's email; resolves with it once sent. */
  protected async sendRecoveryLink(event: SubmitEvent): Promise<string | undefined> {
    const values = this.readValidForm(event);
    if (!values) return undefined;
    const { email = '' } = values;
    const sent = await this.submission.run(() =>
      this.identity.store.requestPasswordRecovery(email, this),
    );
    return sent ? email : undefined;
  }

  protected fieldError(name: string): string | undefined {
    const problem = this.fieldErrors[name];
    return problem ? this.t(problem.key, problem.values) : undefined;
  }

  /** A password input with its show/hide toggle. */
  protected passwordField(options: Omit<FieldOptions, 'type' | 'reveal'>): TemplateResult {
    const shown = this.revealed.has(options.id);
    return field({
      ...options,
      type: 'password',
      reveal: {
        shown,
        label: this.t('field.showPassword'),
        onToggle: () => {
          const next = new Set(this.revealed);
          if (shown) next.delete(options.id);
          else next.add(options.id);
          this.revealed = next;
        },
      },
    });
  }

  /** A field for choosing a password: the minimum length is said up front and checked on submit. */
  protected newPasswordField(
    options: Omit<FieldOptions, 'type' | 'reveal' | 'autocomplete' | 'minLength' | 'hint'>,
  ): TemplateResult {
    const count = minPasswordLength(this.passwordMinLength);
    return this.passwordField({
      ...options,
      autocomplete: 'new-password',
      minLength: count,
      hint: this.t('field.passwordHint', { count: String(count) }),
    });
  }

  /**
   * One "Continue with …" button per provider; each leaves for the provider's consent page. The
   * marks load on their own: until they are there, each button keeps an empty box of their size.
   */
  protected renderProviderButtons(providers: readonly OAuthProvider[]): TemplateResult {
    const marks = providerMarks();
    if (!marks)
      loadProviderMarks().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    return html`<div class="providers">
      ${providers.map(
        (provider) =>
          html`<button
            type="button"
            class="provider"
            @click=${() => void this.submission.run(() => this.identity.store.oauthLogin(provider, this))}
          >
            <svg
              class="provider-mark"
              viewBox="0 0 24 24"
              width="20"
              height="20"
              aria-hidden="true"
              focusable="false"
            >
              ${marks?.[provider] ?? nothing}
            </svg>
            <span>${this.t('oauth.continueWith', { provider: providerName(provider) })}</span>
          </button>`,
      )}
    </div>`;
  }

  /** The enabled providers' buttons above a form, then "or"; nothing when none is enabled. */
  protected renderProvidersAboveForm(): TemplateResult | typeof nothing {
    const providers = this.identity.state.settings?.providers ?? [];
    if (providers.length === 0) return nothing;
    return html`${this.renderProviderButtons(providers)}
      <p class="separator"><span>${this.t('oauth.or')}</span></p>`;
  }

  /** Tells a hosting modal that the view (and its title) changed. */
  protected notifyViewChange(): void {
    this.dispatchEvent(
      new Event('netlify-identity-view-change', { bubbles: true, composed: true }),
    );
  }
}
