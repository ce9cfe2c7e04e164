import { unsafeCSS } from 'lit';
import { buttonStyles as coreButtonStyles, hostTokens as coreHostTokens } from './tokens.js';

// The shared tokens and button look as Lit's CSSResults, for the Lit elements' `static styles`
// (the core's own elements adopt the sheets of tokens.ts without Lit).

/** Tokens for a Lit element's shadow root. */
export const hostTokens = unsafeCSS(coreHostTokens.cssText);

/** Shared look of buttons inside a Lit element's shadow root. */
export const buttonStyles = unsafeCSS(coreButtonStyles.cssText);
