import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { en } from '../locales/en.js';
import type { MessageKey, Messages } from '../locales/en.js';
import { loadMessages } from './load-messages.js';
import { isRightToLeft, supportedLocale } from './locales.js';
import type { SupportedLocale } from './locales.js';

export type { MessageKey, Messages };

const catalogs = new Map<string, Messages>([['en', en]]);
const loading = new Set<string>();
const hosts = new Set<ReactiveControllerHost>();
let pageLocale: string | undefined;

function rerenderAll(): void {
  for (const host of hosts) host.requestUpdate();
}

/** Adds (or replaces) the messages of a language, and re-renders what is on screen. */
export function registerLocale(code: string, messages: Messages): void {
  catalogs.set(code, messages);
  rerenderAll();
}

/** Adds messages to a language (the CDN bundle's English arrives in parts). */
export function extendLocale(code: string, messages: Partial<Messages>): void {
  registerLocale(code, { ...catalogs.get(code), ...messages } as Messages);
}

/** Sets the language of every element that has no `locale` attribute, and re-renders them. */
export function setPageLocale(code: string | undefined): void {
  pageLocale = code || undefined;
  rerenderAll();
}

/** Starts loading a shipped language once; English stands in until it arrives. */
function ensureLoaded(code: SupportedLocale): void {
  if (code === 'en' || catalogs.has(code) || loading.has(code)) return;
  loading.add(code);
  loadMessages(code).then(
    (messages) => registerLocale(code, messages),
    (error: unknown) => console.warn(`netlify-identity-elements: could not load "${code}"`, error),
  );
}

/** The catalog for a language tag: registered ones first (tests, custom), then the shipped ones. */
function catalogFor(locale: string): Messages {
  const exact = catalogs.get(locale);
  if (exact) return exact;
  const shipped = supportedLocale(locale);
  if (!shipped) return en;
  ensureLoaded(shipped);
  return catalogs.get(shipped) ?? en;
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
  const template = catalogFor(locale)[key] ?? catalogs.get('en')?.[key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

/** Writing direction for a language tag. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return isRightToLeft(locale) ? 'rtl' : 'ltr';
}

let langObserver: MutationObserver | undefined;

/** A `lang` changed anywhere (the page switched language): every element re-resolves its own. */
function observeLangChanges(): void {
  langObserver ??= new MutationObserver(rerenderAll);
  langObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

/** Re-renders its host when the page's language or the loaded catalogs change. */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (hosts.size === 0) observeLangChanges();
    hosts.add(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }
}
