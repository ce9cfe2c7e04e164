import { css } from './css.js';
import type { Styles } from './css.js';

const DARK_VALUES = css`
  --_accent: var(--netlify-identity-color-accent, #6ea8ff);
  --_accent-hover: var(--netlify-identity-color-accent-hover, #9cc3ff);
  --_on-accent: var(--netlify-identity-color-on-accent, #0d1117);
  --_text: var(--netlify-identity-color-text, #e6edf3);
  --_muted: var(--netlify-identity-color-muted, #9198a1);
  --_background: var(--netlify-identity-color-background, #151b23);
  --_surface: var(--netlify-identity-color-surface, #212830);
  --_border: var(--netlify-identity-color-border, #656c76);
  --_divider: var(--netlify-identity-color-divider, #3d444d);
  --_error: var(--netlify-identity-color-error, #ff8182);
  --_success: var(--netlify-identity-color-success, #56d364);
  --_focus: var(--netlify-identity-focus-color, #79b8ff);
  color-scheme: dark;
`;

/**
 * The public design tokens (`--netlify-identity-*`) mapped onto private ones (`--_*`), with light and
 * dark defaults. `scope` is `:host` in shadow roots and a zero-specificity `:where(tag)` in the light DOM.
 */
export function themeTokens(scope: string, themed: (theme: string) => string): Styles {
  // One list of dark values, for theme="dark" and for theme="auto" on a dark system.
  return css`
    ${scope} {
      --_accent: var(--netlify-identity-color-accent, #1d4ed8);
      --_accent-hover: var(--netlify-identity-color-accent-hover, #1e40af);
      --_on-accent: var(--netlify-identity-color-on-accent, #ffffff);
      --_text: var(--netlify-identity-color-text, #1f2328);
      --_muted: var(--netlify-identity-color-muted, #59636e);
      --_background: var(--netlify-identity-color-background, #ffffff);
      --_surface: var(--netlify-identity-color-surface, #f6f8fa);
      --_border: var(--netlify-identity-color-border, #818b98);
      --_divider: var(--netlify-identity-color-divider, #d1d9e0);
      --_error: var(--netlify-identity-color-error, #c41d2a);
      --_success: var(--netlify-identity-color-success, #116329);
      --_focus: var(--netlify-identity-focus-color, #0b5fff);
      --_font: var(
        --netlify-identity-font-family,
        system-ui,
        -apple-system,
        'Segoe UI',
        sans-serif
      );
      --_radius: var(--netlify-identity-radius, 0.5rem);
      --_space: var(--netlify-identity-spacing, 1rem);
      --_dialog-width: var(--netlify-identity-dialog-width, 26rem);
      color-scheme: light;
    }
    ${themed('dark')} {
      ${DARK_VALUES}
    }
    @media (prefers-color-scheme: dark) {
      ${themed('auto')} {
        ${DARK_VALUES}
      }
    }
  `;
}

/** Tokens for an element's shadow root. */
export const hostTokens = themeTokens(':host', (theme) => `:host([theme='${theme}'])`);

/** Shared look of buttons inside shadow roots. */
export const buttonStyles = css`
  button {
    font: inherit;
    min-block-size: 2.25rem;
    padding-block: 0.4rem;
    padding-inline: 0.9rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_background);
    color: var(--_text);
    cursor: pointer;
    /* A label never wraps inside its button: a row of buttons wraps between them, and a label
       wider than the row ends in an ellipsis. */
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:hover {
    border-color: var(--_accent);
  }
  button.primary:hover {
    background: var(--_accent-hover);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition:
        background-color 120ms,
        border-color 120ms;
    }
  }
`;
