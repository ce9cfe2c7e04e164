/** The languages shipped: the sixteen the legacy widget accepted. English is built in. */
export const SUPPORTED_LOCALES = [
  'en',
  'fr',
  'es',
  'hu',
  'pt',
  'pl',
  'cs',
  'sk',
  'ru',
  'de',
  'it',
  'ar',
  'zh-CN',
  'nl',
  'sv',
  'sw',
] as const;

export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * The shipped locale for a language tag: `zh-CN`, `zhCN` (the legacy widget's spelling) and `zh-Hans`
 * are Chinese; `pt-BR`, `de-AT` fall back to their language; anything else is undefined.
 */
export function supportedLocale(tag: string): SupportedLocale | undefined {
  const normalized = tag.trim().replace('_', '-').toLowerCase();
  if (/^zh(-?cn|-hans.*|-sg)?$/.test(normalized)) return 'zh-CN';
  const language = normalized.split('-')[0] ?? '';
  return SUPPORTED_LOCALES.find((code) => code === language);
}

export function isRightToLeft(tag: string): boolean {
  return RIGHT_TO_LEFT.has(tag.toLowerCase().split(/[-_]/)[0] ?? '');
}
