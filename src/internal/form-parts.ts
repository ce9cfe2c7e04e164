import { html, nothing } from 'lit';
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
  value?: string;
  placeholder?: string;
}

/** A labelled input; its value is never bound, so what the user typed survives every re-render. */
export function field(options: FieldOptions): TemplateResult {
  const errorId = `${options.id}-error`;
  return html`<div class="field">
    <label for=${options.id}>${options.label}</label>
    <input
      id=${options.id}
      name=${options.name}
      type=${options.type}
      autocomplete=${options.autocomplete}
      .defaultValue=${options.value ?? ''}
      placeholder=${ifDefined(options.placeholder)}
      required
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(options.error ? errorId : undefined)}
    />
    ${options.error ? html`<p class="field-error" id=${errorId}>${options.error}</p>` : nothing}
  </div>`;
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

/** Checks required and email fields before anything is sent; returns messages by field name. */
export function validateForm(form: HTMLFormElement): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[required]')) {
    if (input.validity.valueMissing || !input.value.trim()) problems[input.name] = 'field.required';
    else if (input.validity.typeMismatch) problems[input.name] = 'field.invalidEmail';
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
