// Lit's css-tag module, for the CDN parts: the core's own css tag (src/styles/css.ts), whose styles
// Lit adopts as they are, since they carry the `cssText` and `styleSheet` that Lit reads. One tag
// in the page instead of two, and no fallback for browsers without constructed sheets (Firefox
// 101+ and Safari 16.4+ have them, as the forms need).
import { Styles, css } from '../styles/css.js';

export { css, Styles as CSSResult };

export const supportsAdoptingStyleSheets = true;

export const unsafeCSS = (value: unknown): Styles => new Styles(String(value));

export const getCompatibleStyle = <T>(style: T): T => style;

export function adoptStyles(root: ShadowRoot, styles: (Styles | CSSStyleSheet)[]): void {
  root.adoptedStyleSheets = styles.map((style) =>
    style instanceof CSSStyleSheet ? style : style.styleSheet,
  );
}
