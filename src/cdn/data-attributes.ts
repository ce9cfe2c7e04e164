import { modalSettings } from '../elements/modal/modal-loader.js';
import type { Theme } from '../internal/identity-element.js';

const MENU = 'data-netlify-identity-menu';
const BUTTON = 'data-netlify-identity-button';
const mounted = new WeakSet<Element>();

/** Turns one `data-netlify-identity-*` node into its element, once. */
function mount(node: Element): void {
  if (mounted.has(node)) return;
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
 * now and whenever such nodes are added later. `onAdded` hears every subtree added to the page.
 */
export function mountDataAttributes(onAdded?: (root: ParentNode) => void): void {
  mountWithin(document);
  onAdded?.(document);
  new MutationObserver((records) => {
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
