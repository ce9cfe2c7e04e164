const MENU = 'data-netlify-identity-menu';
const BUTTON = 'data-netlify-identity-button';
const mounted = new WeakSet<Element>();

/** Turns one `data-netlify-identity-*` node into its element, once. */
function mount(node: Element): void {
  if (mounted.has(node)) return;
  mounted.add(node);
  if (node.hasAttribute(MENU)) {
    node.append(document.createElement('netlify-identity-menu'));
  } else {
    // The node's own content becomes the button's logged-out label.
    const button = document.createElement('netlify-identity-button');
    button.append(...node.childNodes);
    node.append(button);
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
