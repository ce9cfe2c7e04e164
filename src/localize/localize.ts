import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../locales/en.js';
import type { MessageKey, Messages } from '../locales/en.js';

export type { MessageKey, Messages };

const catalogs = new Map<string, Messages>([['en', en]]);
const hosts = new Set<ReactiveControllerHost>();
let pageLocale: string | undefined;

/** Adds (or replaces) the messages of a language, e.g. from a locale module loaded on demand. */
export function registerLocale(code: string, messages: Messages): void {
  catalogs.set(code.toLowerCase(), messages);
  for (const host of hosts) host.requestUpdate();
}

/** Sets the language of every element that has no `locale` attribute, and re-renders them. */
export function setPageLocale(code: string | undefined): void {
  pageLocale = code || undefined;
  for (const host of hosts) host.requestUpdate();
}

/** The best catalog for a BCP 47 tag: the exact tag, then its language, then English. */
function catalogFor(locale: string): Messages {
  const tag = locale.toLowerCase().replace('_', '-');
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en;
}

/**
 * The locale an element speaks: its `locale`, else the page's (`setLocale`), else the nearest
 * `lang`, else the browser's.
 */
export function resolveLocale(element: Element, explicit?: string | null): string {
  if (explicit) return explicit;
  if (pageLocale) return pageLocale;
  const lang = element.closest('[lang]')?.getAttribute('lang');
  if (lang) return lang;
  return navigator.languages?.[0] ?? navigator.language ?? 'en';
}

export function translate(
  locale: string,
  key: MessageKey,
  values: Record<string, string> = {},
): string {
  const template = catalogFor(locale)[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** Re-renders its host when the page's language or the loaded catalogs change. */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }
}
