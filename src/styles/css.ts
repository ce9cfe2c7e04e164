// The core's elements style their shadow roots without Lit, whose css-tag module would be 1.3 KB of
// the core. What the css tag returns becomes one constructed sheet, shared by every root that
// adopts it (a strict CSP allows constructed sheets), built on first use: importing in Node
// (server-side rendering) builds nothing.

/** Style text, and the constructed sheet built from it once. */
export class Styles {
  #sheet?: CSSStyleSheet;

  constructor(readonly cssText: string) {}

  get styleSheet(): CSSStyleSheet {
    if (!this.#sheet) {
      this.#sheet = new CSSStyleSheet();
      this.#sheet.replaceSync(this.cssText);
    }
    return this.#sheet;
  }

  toString(): string {
    return this.cssText;
  }
}

/** A style template; its interpolations are other styles or selectors written by us, never input. */
export function css(strings: TemplateStringsArray, ...values: (Styles | string)[]): Styles {
  return new Styles(strings.reduce((text, part, i) => `${text}${String(values[i - 1])}${part}`));
}
