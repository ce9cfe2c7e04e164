import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MessageKey } from '../localize/localize.js';
import type { OAuthProvider } from '../store/identity-store.js';
import { formStyles } from '../styles/form-styles.js';
import { formValues, providerName, validateForm } from './form-parts.js';
import { IdentityElement } from './identity-element.js';
import { SubmitController } from './submit-controller.js';

let instances = 0;

function adoptFormStyles(root: Node): void {
  const target = root as Document | ShadowRoot;
  const sheet = formStyles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in target)) return;
  if (!target.adoptedStyleSheets.includes(sheet)) {
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  }
}

/**
 * Base of the elements that hold forms. They render into the light DOM so that password managers
 * and autofill see real inputs in a real <form>; their styles are adopted by the document (or the
 * enclosing shadow root) as a constructed stylesheet, which a strict CSP allows.
 */
export class IdentityFormElement extends IdentityElement {
  /** Unique prefix for the ids that tie labels, inputs and messages together. */
  protected readonly idPrefix = `netlify-identity-${++instances}`;

  /** The request of the form on screen: busy, slow, and its failure. */
  protected readonly submission = new SubmitController(this);

  /** Validation messages by field name, shown under the fields. */
  @state() protected fieldErrors: Record<string, MessageKey> = {};

  /** Hides the element's own heading (the modal shows it in its title bar instead). */
  @property({ type: Boolean, reflect: true }) headless = false;

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
    adoptFormStyles(this.getRootNode());
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

  protected fieldError(name: string): string | undefined {
    const key = this.fieldErrors[name];
    return key ? this.t(key) : undefined;
  }

  /** One "Continue with …" button per provider; each leaves for the provider's consent page. */
  protected renderProviderButtons(providers: readonly OAuthProvider[]): TemplateResult {
    return html`<div class="providers">
      ${providers.map(
        (provider) =>
          html`<button
            type="button"
            @click=${() => void this.submission.run(() => this.identity.store.oauthLogin(provider, this))}
          >
            ${this.t('oauth.continueWith', { provider: providerName(provider) })}
          </button>`,
      )}
    </div>`;
  }

  /** The enabled providers' buttons above a form, then "or"; nothing when none is enabled. */
  protected renderProvidersAboveForm(): TemplateResult | typeof nothing {
    const providers = this.identity.state.settings?.providers ?? [];
    if (providers.length === 0) return nothing;
    return html`${this.renderProviderButtons(providers)}
      <p class="separator">${this.t('oauth.or')}</p>`;
  }

  /** Tells a hosting modal that the view (and its title) changed. */
  protected notifyViewChange(): void {
    this.dispatchEvent(
      new Event('netlify-identity-view-change', { bubbles: true, composed: true }),
    );
  }
}
