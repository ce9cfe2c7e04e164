// Helpers for component tests: drive the real local identity server mounted on the test origin.
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import GoTrue from 'gotrue-js';
import { clearSessionCookies } from '../../src/store/session-cookies.js';
import { IdentityStore } from '../../src/store/identity-store.js';
import '../../src/index.js';

const API = '/.netlify/identity';

export interface Mail {
  to: string;
  subject: string;
  type: 'confirmation' | 'recovery' | 'invite' | 'email_change';
  token: string;
  url: string;
  sent_at: string;
}

export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(API + path, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
  return response;
}

async function devCall(path: string, method: string, body?: unknown): Promise<void> {
  const response = await api(`/__dev/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`__dev/${path} answered ${response.status}`);
}

export const resetServer = () => devCall('reset', 'POST');
export const setSettings = (settings: Record<string, unknown>) =>
  devCall('settings', 'PUT', settings);
export const addFault = (fault: Record<string, unknown>) => devCall('faults', 'POST', fault);

export async function mails(): Promise<Mail[]> {
  return (await api('/__dev/mail')).json() as Promise<Mail[]>;
}

export async function lastMail(to: string, type: Mail['type']): Promise<Mail> {
  const found = (await mails()).filter((mail) => mail.to === to && mail.type === type).pop();
  if (!found) throw new Error(`No ${type} mail to ${to}`);
  return found;
}

/** A confirmed user, created through the real signup and confirmation endpoints. */
export async function createUser(email: string, password: string, name = 'Ada Lovelace') {
  const signup = await api('/signup', {
    method: 'POST',
    body: JSON.stringify({ email, password, data: { full_name: name } }),
  });
  if (!signup.ok) throw new Error(`signup answered ${signup.status}`);
  const { token } = await lastMail(email, 'confirmation');
  const verify = await api('/verify', {
    method: 'POST',
    body: JSON.stringify({ type: 'signup', token }),
  });
  if (!verify.ok) throw new Error(`verify answered ${verify.status}`);
}

/** A session straight from the API (as a server-side login would get), bypassing the page. */
export async function passwordGrant(
  email: string,
  password: string,
): Promise<{ access_token: string; refresh_token: string }> {
  const response = await api('/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: email, password }),
  });
  if (!response.ok) throw new Error(`/token answered ${response.status}`);
  return response.json() as Promise<{ access_token: string; refresh_token: string }>;
}

/** Forgets every session this page knows: storage, cookies, and gotrue-js's cached user. */
export function clearBrowserSession(): void {
  new GoTrue({ APIUrl: API }).currentUser()?.clearSession();
  localStorage.clear();
  clearSessionCookies();
}

export function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

const stores: IdentityStore[] = [];

/** A store of its own for one test; it stops listening when the test ends. */
export function freshStore(): IdentityStore {
  const store = new IdentityStore();
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.dispose();
});

/** Renders `template` inside a provider with a fresh store, once that store is ready. */
export async function renderWithStore<T extends Element>(
  template: TemplateResult,
): Promise<{ element: T; store: IdentityStore }> {
  const store = freshStore();
  const provider = await fixture(
    html`<netlify-identity-provider .store=${store}>${template}</netlify-identity-provider>`,
  );
  await store.start();
  const element = provider.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return { element, store };
}

/** Types into the input labelled `label` inside `root`, as a person would. */
export function fill(root: ParentNode, label: string, value: string): HTMLInputElement {
  const labelElement = [...root.querySelectorAll('label')].find(
    (candidate) => candidate.textContent?.trim() === label,
  );
  const input = labelElement?.control as HTMLInputElement | null | undefined;
  if (!input) throw new Error(`No input labelled "${label}"`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return input;
}

export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((candidate) => {
    const text = candidate.textContent?.trim() ?? '';
    return typeof name === 'string' ? text === name : name.test(text);
  });
  if (!button) throw new Error(`No button named ${String(name)}`);
  return button;
}

/** Waits until `condition` holds (polling each frame), failing after `timeout` ms. */
export async function until(condition: () => unknown, what: string, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Records the identity events that reach `document`, with the element they were dispatched on. */
export function recordEvents(): {
  events: { type: string; target: EventTarget | null; detail: unknown }[];
  stop(): void;
} {
  const names = [
    'init',
    'login',
    'logout',
    'signup',
    'recovery',
    'user-updated',
    'token-refresh',
    'error',
    'open',
    'close',
  ].map((name) => `netlify-identity-${name}`);
  const events: { type: string; target: EventTarget | null; detail: unknown }[] = [];
  const listener = (event: Event) =>
    events.push({
      type: event.type,
      target: event.composedPath()[0] ?? null,
      detail: (event as CustomEvent).detail,
    });
  for (const name of names) document.addEventListener(name, listener);
  return {
    events,
    stop: () => names.forEach((name) => document.removeEventListener(name, listener)),
  };
}
