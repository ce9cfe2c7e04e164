import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { LocalizeController, directionOf, resolveLocale, translate } from '../localize/localize.js';
import type { MessageKey } from '../localize/localize.js';
import type { IdentityError } from '../store/errors.js';
import type { Styles } from '../styles/css.js';
import type { Theme } from './identity-element.js';
import { StoreController } from './store-controller.js';

// Importing in Node (server-side rendering) must not throw: there is no HTMLElement there.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as typeof HTMLElement) : HTMLElement;

/**
 * The base of the elements that render before anything else has loaded (menu, button): the same
 * store, theme, language and reactive controllers as the Lit elements, without Lit, so that the
 * page's first script stays small. A subclass builds its shadow DOM once and updates it in
 * `update()`.
 */
export abstract class CoreElement extends ElementBase implements ReactiveControllerHost {
  /** The shadow root's sheets, in order. */
  static styles: Styles[] = [];
  static readonly observedAttributes = ['theme', 'locale'];

  readonly #controllers = new Set<ReactiveController>();
  #pending?: Promise<boolean>;
  #connected = false;
  /** A `dir` the page set on the element itself wins over the language's direction. */
  #pageDirection?: string;
  protected readonly renderRoot: ShadowRoot;
  protected readonly identity = new StoreController(this);
  protected readonly localize = new LocalizeController(this);

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    this.renderRoot.adoptedStyleSheets = (this.constructor as typeof CoreElement).styles.map(
      (styles) => styles.styleSheet,
    );
  }

  /** `light`, `dark`, or `auto` (follows the system's colour scheme). */
  get theme(): Theme {
    return (this.getAttribute('theme') as Theme | null) ?? 'light';
  }
  set theme(theme: Theme) {
    this.setAttribute('theme', theme);
  }

  /** BCP 47 language; defaults to the nearest `lang` attribute, then the browser's language. */
  get locale(): string | undefined {
    return this.getAttribute('locale') ?? undefined;
  }
  set locale(locale: string | undefined) {
    if (locale) this.setAttribute('locale', locale);
    else this.removeAttribute('locale');
  }

  /** Resolves once the shadow DOM shows the current state. */
  get updateComplete(): Promise<boolean> {
    return this.#pending ?? Promise.resolve(true);
  }

  connectedCallback(): void {
    this.#connected = true;
    for (const controller of this.#controllers) controller.hostConnected?.();
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.#connected = false;
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.#connected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }

  /** Updates once per task, however many changes arrived. */
  requestUpdate(): void {
    this.#pending ??= Promise.resolve().then(() => {
      this.#pending = undefined;
      if (!this.#connected) return true;
      this.#pageDirection ??= this.getAttribute('dir') ?? '';
      // Arabic lays out right to left (mirrored, not just its text), whatever the page around it.
      if (!this.#pageDirection)
        this.setAttribute('dir', directionOf(resolveLocale(this, this.locale)));
      this.update();
      for (const controller of this.#controllers) controller.hostUpdated?.();
      return true;
    });
  }

  /** Brings the shadow DOM in line with the state. */
  protected abstract update(): void;

  protected t(key: MessageKey, values?: Record<string, string>): string {
    return translate(resolveLocale(this, this.locale), key, values);
  }

  /** An error in words a person understands, in the element's language. */
  protected describeError(error: IdentityError): string {
    return this.t(`error.${error.code}`, { detail: error.message });
  }
}

/** A `<button>` with these attributes and listeners. */
export function createButton(
  part: string,
  onClick: (event: MouseEvent) => void,
  onIntent?: () => void,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.setAttribute('part', part);
  button.addEventListener('click', onClick);
  if (onIntent) {
    button.addEventListener('pointerenter', onIntent);
    button.addEventListener('focus', onIntent);
  }
  return button;
}

/** Sets a node's text only when it changed (no needless mutation for assistive technology). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Shows exactly `nodes` in `parent`, in order, touching the DOM only when the list changed. */
export function showOnly(parent: Element | ShadowRoot, nodes: Node[]): void {
  const current = [...parent.childNodes];
  if (current.length === nodes.length && current.every((node, i) => node === nodes[i])) return;
  parent.replaceChildren(...nodes);
}
