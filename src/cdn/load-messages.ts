import type { Messages } from '../locales/en.js';
import type { SupportedLocale } from '../localize/locales.js';
import { bundleFolder, loadScript } from './chunk-loader.js';

const REGISTER = Symbol.for('netlify-identity-elements.register-locale');

/** The folder of the locale files, from the bundle's own URL (see `bundleFolder`). */
export function localeFolder(scriptUrl: string, version: string): string {
  return `${bundleFolder(scriptUrl, version)}locales/`;
}

const waiting = new Map<string, (messages: Messages) => void>();

/** The CDN bundle's stand-in for the npm build's dynamic import: a classic script per language. */
export function loadMessages(code: Exclude<SupportedLocale, 'en'>): Promise<Messages> {
  const registry = globalThis as typeof globalThis & {
    [REGISTER]?: (code: string, messages: Messages) => void;
  };
  registry[REGISTER] ??= (loaded, messages) => waiting.get(loaded)?.(messages);
  return new Promise((resolve, reject) => {
    waiting.set(code, resolve);
    loadScript(`locales/${code}.js`).catch(reject);
  });
}
