import { css, unsafeCSS } from 'lit';
import { themeTokens } from './tokens.js';

const FORM_HOSTS = 'netlify-login, netlify-signup, netlify-auth-callback, netlify-account';
const scope = unsafeCSS(`:where(${FORM_HOSTS})`);

/**
 * Styles of the light-DOM forms (light DOM so that password managers find the inputs). Every
 * selector sits in :where(), so any page rule overrides it without a specificity fight.
 */
export const formStyles = css`
  ${themeTokens(`:where(${FORM_HOSTS})`, (theme) => `:where(${FORM_HOSTS})[theme='${theme}']`)}
  ${scope} {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.5;

    & :where(h2) {
      font-size: 1.35rem;
      margin-block: 0 calc(var(--_space) * 0.75);
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
    & :where(.separator) {
      text-align: center;
      color: var(--_muted);
      margin: 0;
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
      margin: 0;
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
      margin: 0;
    }
    & :where(.status) {
      color: var(--_muted);
      margin: 0;
    }
    & :where(.footer) {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      justify-content: space-between;
      margin-block-start: var(--_space);
    }
    & :where(h3) {
      font-size: 1.05rem;
      margin: 0;
    }
    & :where(.section) {
      display: grid;
      gap: 0.5rem;
      padding-block: var(--_space) 0;
      border-block-start: 1px solid var(--_border);
      margin-block-start: var(--_space);
    }
    & :where(.profile) {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    & :where(.profile p) {
      margin: 0;
    }
    & :where(.profile-name) {
      font-weight: 600;
    }
    & :where(.profile-email) {
      color: var(--_muted);
    }
    & :where(.avatar) {
      display: inline-grid;
      place-items: center;
      inline-size: 3rem;
      block-size: 3rem;
      border-radius: 50%;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
      object-fit: cover;
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
  /* A dark form paints its own background: on a light page its text would be unreadable. */
  :where(${scope}[theme='dark']) {
    background: var(--_background);
  }
  @media (prefers-color-scheme: dark) {
    :where(${scope}[theme='auto']) {
      background: var(--_background);
    }
  }
  :where(${scope}[hidden]) {
    display: none;
  }
`;
