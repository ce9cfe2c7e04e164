import type { Messages } from '../locales/en.js';
import type { SupportedLocale } from '../localize/locales.js';

declare const __PACKAGE_VERSION__: string;

const REGISTER = Symbol.for('netlify-identity-elements.register-locale');

// Read while the bundle itself runs: the locale files sit beside it.
const bundleUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;

/**
 * The folder of the locale files, from the bundle's own URL. A CDN's bare package URL
 * (https://unpkg.com/netlify-identity-elements) redirects to the file, but the script's `src` still
 * names the bare URL: then the files are at the same host under the versioned package path.
 */
export function localeFolder(scriptUrl: string, version: string): string {
  const url = new URL(scriptUrl, location.href);
  if (url.pathname.endsWith('.js')) return new URL('./locales/', url).href;
  return `${url.origin}/netlify-identity-elements@${version}/dist/cdn/locales/`;
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
    const script = document.createElement('script');
    script.src = `${localeFolder(bundleUrl, __PACKAGE_VERSION__)}${code}.js`;
    script.async = true;
    script.onerror = () => reject(new Error(`Could not load ${script.src}`));
    document.head.append(script);
  });
}
