import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController, directionOf, resolveLocale, translate } from '../localize/localize.js';
import type { MessageKey } from '../localize/localize.js';
import type { IdentityError } from '../store/errors.js';
import { StoreController } from './store-controller.js';

export type Theme = 'light' | 'dark' | 'auto';

/** What every element shares: the store, the theme and the language. */
export class IdentityElement extends LitElement {
  protected readonly identity = new StoreController(this);
  protected readonly localize = new LocalizeController(this);

  /** `light`, `dark`, or `auto` (follows the system's colour scheme). */
  @property({ reflect: true }) theme: Theme = 'light';

  /** BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language. */
  @property({ reflect: true }) locale?: string;

  /** A `dir` the page set on the element itself wins over the language's direction. */
  #pageDirection?: string | null;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#pageDirection ??= this.getAttribute('dir') ?? '';
    if (!this.#pageDirection) {
      // Arabic lays out right to left (mirrored, not just its text), whatever the page around it.
      this.setAttribute('dir', directionOf(resolveLocale(this, this.locale)));
    }
  }

  protected t(key: MessageKey, values?: Record<string, string>): string {
    return translate(resolveLocale(this, this.locale), key, values);
  }

  /** An error in words a person understands, in the element's language. */
  protected describeError(error: IdentityError): string {
    return this.t(`error.${error.code}`);
  }
}
