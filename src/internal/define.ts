/** Registers a custom element unless the tag is taken (a second copy, or the CDN bundle, got there first). */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) {
    customElements.define(tag, element);
  }
}
