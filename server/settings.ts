import { apiError } from './http.js';

export const PROVIDERS = ['bitbucket', 'github', 'gitlab', 'google', 'facebook'] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(name: string): name is Provider {
  return (PROVIDERS as readonly string[]).includes(name);
}

type External = Record<Provider | 'email' | 'saml', boolean>;

export interface Settings {
  autoconfirm: boolean;
  disable_signup: boolean;
  external: External;
}

/** A fresh Netlify site: email signups open, confirmation required, no OAuth provider enabled. */
export function defaultSettings(): Settings {
  return {
    autoconfirm: false,
    disable_signup: false,
    external: {
      bitbucket: false,
      github: false,
      gitlab: false,
      google: false,
      facebook: false,
      email: true,
      saml: false,
    },
  };
}

/** GET /settings, key order as GoTrue sends it. */
export function settingsJson(settings: Settings): Record<string, unknown> {
  return {
    external: { ...settings.external },
    external_labels: {},
    disable_signup: settings.disable_signup,
    autoconfirm: settings.autoconfirm,
  };
}

/** Merges a dev `PUT settings` body into `settings`; checks it all before changing anything. */
export function mergeSettings(settings: Settings, body: Record<string, unknown>): Settings {
  const next: Settings = { ...settings, external: { ...settings.external } };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'autoconfirm' || key === 'disable_signup') {
      if (typeof value !== 'boolean') throw apiError(422, `${key} must be a boolean`);
      next[key] = value;
    } else if (key === 'external') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw apiError(422, 'external must be an object of provider names to booleans');
      }
      for (const [name, enabled] of Object.entries(value)) {
        if (!Object.hasOwn(next.external, name)) throw apiError(422, `Unknown provider: ${name}`);
        if (typeof enabled !== 'boolean') throw apiError(422, `external.${name} must be a boolean`);
        next.external[name as keyof External] = enabled;
      }
    } else {
      throw apiError(422, `Unknown setting: ${key}`);
    }
  }
  return next;
}
