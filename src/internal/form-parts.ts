import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageKey } from '../localize/localize.js';
import type { OAuthProvider } from '../store/identity-store.js';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  /** A message shown under the input and tied to it with aria-describedby. */
  error?: string;
  /** Guidance shown under the input before anything is submitted (e.g. the minimum length). */
  hint?: string;
  value?: string;
  placeholder?: string;
  /** The fewest characters accepted; also tells password managers what to generate. */
  minLength?: number;
  /** For a password: shown as text, and the show/hide toggle that flips it. */
  reveal?: { shown: boolean; label: string; onToggle: () => void };
}

/** A labelled input; its value is never bound, so what the user typed survives every re-render. */
export function field(options: FieldOptions): TemplateResult {
  const errorId = `${options.id}-error`;
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', options.error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  const { reveal } = options;
  const input = html`<input
    id=${options.id}
    name=${options.name}
    type=${reveal?.shown ? 'text' : options.type}
    autocomplete=${options.autocomplete}
    .defaultValue=${options.value ?? ''}
    placeholder=${ifDefined(options.placeholder)}
    minlength=${ifDefined(options.minLength)}
    passwordrules=${ifDefined(options.minLength ? `minlength: ${options.minLength};` : undefined)}
    autocapitalize=${ifDefined(options.type === 'text' ? undefined : 'off')}
    spellcheck=${ifDefined(options.type === 'text' ? undefined : 'false')}
    required
    aria-invalid=${options.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy || undefined)}
  />`;
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    ${
      reveal
        ? html`<div class="password">
            ${input}
            <button
              type="button"
              class="reveal"
              aria-controls=${options.id}
              aria-pressed=${reveal.shown ? 'true' : 'false'}
              @click=${reveal.onToggle}
            >
              ${revealIcon(reveal.shown)}<span class="visually-hidden">${reveal.label}</span>
            </button>
          </div>`
        : input
    }
    ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing}
    ${options.error ? html`<p class="field-error" id=${errorId}>${options.error}</p>` : nothing}
  </div>`;
}

/** An eye, struck through while the password is shown (pressing again hides it). */
function revealIcon(shown: boolean): TemplateResult {
  return html`<svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
    ${shown ? svg`<path d="M3 3l18 18" />` : nothing}
  </svg>`;
}

/**
 * For password-only forms (recovery, invite): tells password managers which account the new
 * password belongs to.
 */
export function hiddenUsername(email: string | undefined): TemplateResult {
  return html`<input
    class="visually-hidden"
    type="email"
    name="username"
    autocomplete="username"
    tabindex="-1"
    aria-hidden="true"
    .value=${email ?? ''}
    readonly
  />`;
}

/** A field's problem: a message and the values it needs. */
export interface FieldProblem {
  key: MessageKey;
  values?: Record<string, string>;
}

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
function characterCount(value: string): number {
  return [...value].length;
}

/**
 * Checks required, email and minimum-length fields before anything is sent; returns the problems
 * by field name and focuses the first field that has one.
 */
export function validateForm(form: HTMLFormElement): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[required]')) {
    if (input.validity.valueMissing || !input.value.trim()) {
      problems[input.name] = { key: 'field.required' };
    } else if (input.validity.typeMismatch) {
      problems[input.name] = { key: 'field.invalidEmail' };
    } else if (input.minLength > 0 && characterCount(input.value) < input.minLength) {
      // validity.tooShort only counts what the user typed, not what a password manager filled in.
      problems[input.name] = { key: 'field.tooShort', values: { count: String(input.minLength) } };
    }
  }
  const first = Object.keys(problems)[0];
  if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  return problems;
}

/** Reads the named fields of a form as trimmed strings (passwords as typed). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') values[name] = name.includes('password') ? value : value.trim();
  }
  return values;
}

const PROVIDER_NAMES: Record<OAuthProvider, string> = {
  google: 'Google',
  github: 'GitHub',
  gitlab: 'GitLab',
  bitbucket: 'Bitbucket',
  facebook: 'Facebook',
};

export function providerName(provider: OAuthProvider): string {
  return PROVIDER_NAMES[provider];
}

/** The alert region is always in the DOM so that screen readers announce what appears in it. */
export function alertRegion(message: string | undefined): TemplateResult {
  return html`<p class="alert" role="alert">${message ?? nothing}</p>`;
}

export function submitButton(label: string, busyLabel: string, busy: boolean): TemplateResult {
  return html`<button type="submit" aria-disabled=${busy ? 'true' : 'false'}>
    ${busy ? busyLabel : label}
  </button>`;
}

/** What a login or signup form shows to someone who is already logged in. */
export function loggedInNotice(
  text: string,
  logoutLabel: string,
  onLogout: () => void,
): TemplateResult {
  return html`<p class="notice" role="status">${text}</p>
    <div class="footer">
      <button type="button" @click=${onLogout}>${logoutLabel}</button>
    </div>`;
}
