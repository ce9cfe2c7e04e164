import { modalSettings } from '../elements/modal/modal-loader.js';
import type { Theme } from '../internal/identity-element.js';
import { whenParsed } from '../internal/idle.js';

const MENU = 'data-netlify-identity-menu';
const BUTTON = 'data-netlify-identity-button';
const mounted = new WeakSet<Element>();

/** Whether the parser is done with `node`: something after it, or after an ancestor, is there. */
function parsed(node: Node | null): boolean {
  for (; node; node = node.parentNode) if (node.nextSibling) return true;
  return document.readyState !== 'loading';
}

/** Turns one `data-netlify-identity-*` node into its element, once its content is all there. */
function mount(node: Element): void {
  if (mounted.has(node) || !parsed(node)) return;
  mounted.add(node);
  const element = document.createElement(
    node.hasAttribute(MENU) ? 'netlify-identity-menu' : 'netlify-identity-button',
  );
  // The node's own content becomes the button's logged-out label.
  if (!node.hasAttribute(MENU)) element.append(...node.childNodes);
  if (modalSettings.theme) element.theme = modalSettings.theme;
  node.append(element);
}

/** The page's theme (`init({ theme })`) on the elements mounted so far; later ones get it too. */
export function themeMounted(theme: Theme): void {
  for (const element of document.querySelectorAll(`[${MENU}]>*,[${BUTTON}]>*`)) {
    element.setAttribute('theme', theme);
  }
}

function mountWithin(root: ParentNode): void {
  if (root instanceof Element && (root.hasAttribute(MENU) || root.hasAttribute(BUTTON)))
    mount(root);
  for (const node of root.querySelectorAll(`[${MENU}], [${BUTTON}]`)) mount(node);
}

/**
 * Mounts the legacy widget's `<div data-netlify-identity-menu>` and `<div data-netlify-identity-button>`,
 * now and whenever such nodes are added later: while the page is still loading, as soon as the
 * parser has passed them, so that they render before the rest of the page. `onAdded` hears every
 * subtree added to the page.
 */
export function mountDataAttributes(onAdded?: (root: ParentNode) => void): void {
  mountWithin(document);
  whenParsed(() => {
    mountWithin(document);
    onAdded?.(document);
  });
  new MutationObserver((records) => {
    // While the page loads, one look over it per batch of parsed nodes; then, only what was added.
    if (document.readyState === 'loading') return mountWithin(document);
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        mountWithin(node);
        onAdded?.(node);
      }
      if (record.type === 'attributes' && record.target instanceof Element) {
        mountWithin(record.target);
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [MENU, BUTTON],
  });
}
