import type { Messages } from '../locales/en.js';
import type { SupportedLocale } from './locales.js';

/**
 * Loads a language's messages on demand (npm build: a dynamic import, so bundlers split each
 * language into its own chunk). The CDN bundle replaces this module with a loader of the script
 * files that sit beside it.
 */
export async function loadMessages(code: Exclude<SupportedLocale, 'en'>): Promise<Messages> {
  const module = (await import(`../locales/${code}.js`)) as { messages: Messages };
  return module.messages;
}
