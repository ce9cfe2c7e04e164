import { css, unsafeCSS } from 'lit';
import { themeTokens } from './tokens.js';

const FORM_HOSTS = 'netlify-login, netlify-signup, netlify-auth-callback, netlify-account';
const scope = unsafeCSS(`:where(${FORM_HOSTS})`);

/**
 * Styles of the light-DOM forms (light DOM so that password managers find the inputs). Every
 * selector sits in :where(), so any page rule overrides it without a specificity fight. What only
 * one view shows is in that view's `viewStyles`, loaded with it.
 */
export const formStyles = css`
  ${unsafeCSS(
    themeTokens(`:where(${FORM_HOSTS})`, (theme) => `:where(${FORM_HOSTS})[theme='${theme}']`)
      .cssText,
  )}
  ${scope} {
    /* One gap between the blocks (alerts, notices, providers, form, footer): empty ones take none. */
    display: grid;
    gap: var(--_space);
    align-content: start;
    max-inline-size: var(--netlify-identity-form-max-width, 28rem);
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;
    /* A 5,000-character email breaks instead of pushing the form off screen. */
    overflow-wrap: anywhere;

    & :where(h2) {
      font-size: 1.35rem;
      line-height: 1.25;
      margin: 0;
    }
    & :where(p) {
      margin: 0;
    }
    & :where(form) {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      margin: 0;
    }
    & :where(.field) {
      display: grid;
      gap: 0.25rem;
    }
    & :where(label) {
      font-weight: 600;
      font-size: 0.95rem;
    }
    & :where(input) {
      font: inherit;
      color: var(--_text);
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-block-size: 2.5rem;
      padding-block: 0.4rem;
      padding-inline: 0.75rem;
      box-sizing: border-box;
      inline-size: 100%;
    }
    & :where(input[aria-invalid='true']) {
      border-color: var(--_error);
    }
    & :where(input:focus-visible, button:focus-visible, a:focus-visible) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    & :where(button) {
      font: inherit;
      min-block-size: 2.5rem;
      padding-block: 0.45rem;
      padding-inline: 1rem;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
    }
    & :where(button[type='submit']) {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    & :where(button[type='submit']:hover) {
      background: var(--_accent-hover);
    }
    & :where(button[aria-disabled='true']) {
      cursor: progress;
      opacity: 0.8;
    }
    & :where(button.primary) {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    & :where(button.primary:hover) {
      background: var(--_accent-hover);
    }
    & :where(.password) {
      position: relative;
    }
    & :where(.password input) {
      padding-inline-end: 3rem;
    }
    & :where(.reveal) {
      position: absolute;
      inset-block: 1px;
      inset-inline-end: 1px;
      inline-size: 2.75rem;
      min-block-size: 0;
      padding: 0;
      display: grid;
      place-items: center;
      border: none;
      border-radius: var(--_radius);
      background: transparent;
      color: var(--_muted);
    }
    & :where(.reveal:hover, .reveal[aria-pressed='true']) {
      color: var(--_text);
    }
    & :where(.hint) {
      color: var(--_muted);
      font-size: 0.875rem;
    }
    & :where(.link) {
      background: none;
      border: none;
      min-block-size: 1.5rem;
      padding: 0;
      color: var(--_accent);
      text-decoration: underline;
      font-weight: normal;
    }
    & :where(.providers) {
      display: grid;
      gap: 0.5rem;
    }
    & :where(.provider) {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.625rem;
      font-weight: 500;
      background: var(--_background);
    }
    & :where(.provider:hover) {
      background: var(--_surface);
    }
    & :where(.provider-mark) {
      flex: none;
    }
    /* "or" between two rules. */
    & :where(.separator) {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    & :where(.separator)::before,
    & :where(.separator)::after {
      content: '';
      flex: 1;
      border-block-start: 1px solid var(--_divider);
    }
    & :where(.field-error) {
      color: var(--_error);
      font-size: 0.9rem;
      margin: 0;
    }
    & :where(.alert) {
      color: var(--_error);
      border: 1px solid var(--_error);
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
    }
    & :where(.alert:empty) {
      display: none;
    }
    & :where(.notice) {
      color: var(--_text);
      background: var(--_surface);
      border-inline-start: 4px solid var(--_success);
      border-radius: var(--_radius);
      padding: 0.75rem;
    }
    /* Information (signups closed), not success. */
    & :where(.notice.info) {
      border-inline-start-color: var(--_accent);
    }
    & :where(.status) {
      color: var(--_muted);
    }
    & :where(.footer, .actions) {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      justify-content: space-between;
    }
    & :where(.actions) {
      justify-content: start;
    }
    & :where(.card-header) {
      display: flex;
      align-items: start;
      justify-content: space-between;
      gap: 0.5rem;
    }
    & :where(.dismiss) {
      flex: none;
      inline-size: 2.5rem;
      padding: 0;
      border: none;
      background: transparent;
      color: var(--_muted);
      font-size: 1.5rem;
      line-height: 1;
    }
    & :where(.dismiss:hover) {
      color: var(--_text);
      background: var(--_surface);
    }
    & :where(.visually-hidden) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  /*
   * A dark form on its own paints its background (on a light page its text would be unreadable),
   * with room around it drawn by a shadow, not padding: its fields keep the place and size they
   * have in the light theme. In the modal (headless) the dialog is the background.
   */
  :where(${scope}[theme='dark']:not([headless])) {
    background: var(--_background);
    box-shadow: 0 0 0 calc(var(--_space) * 0.75) var(--_background);
    border-radius: calc(var(--_radius) / 4);
  }
  @media (prefers-color-scheme: dark) {
    :where(${scope}[theme='auto']:not([headless])) {
      background: var(--_background);
      box-shadow: 0 0 0 calc(var(--_space) * 0.75) var(--_background);
      border-radius: calc(var(--_radius) / 4);
    }
  }
  :where(${scope}[hidden]) {
    display: none;
  }
`;
