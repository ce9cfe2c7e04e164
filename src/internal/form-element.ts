import { formStyles } from '../styles/form-styles.js';
import { IdentityElement } from './identity-element.js';
import { property } from 'lit/decorators.js';

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

  /** Hides the element's own heading (the modal shows it in its title bar instead). */
  @property({ type: Boolean, reflect: true }) headless = false;

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

  /** Tells a hosting modal that the view (and its title) changed. */
  protected notifyViewChange(): void {
    this.dispatchEvent(
      new Event('netlify-identity-view-change', { bubbles: true, composed: true }),
    );
  }
}
