import { en } from '../locales/en.js';
import type { MessageKey, Messages } from '../locales/en.js';

export type { MessageKey, Messages };

const catalogs = new Map<string, Messages>([['en', en]]);

/** Adds (or replaces) the messages of a language, e.g. from a locale module loaded on demand. */
export function registerLocale(code: string, messages: Messages): void {
  catalogs.set(code.toLowerCase(), messages);
}

/** The best catalog for a BCP 47 tag: the exact tag, then its language, then English. */
function catalogFor(locale: string): Messages {
  const tag = locale.toLowerCase().replace('_', '-');
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? en;
}

/** The locale an element speaks: its `locale`, else the nearest `lang`, else the browser's. */
export function resolveLocale(element: Element, explicit?: string | null): string {
  if (explicit) return explicit;
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
