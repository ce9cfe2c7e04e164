import type { User } from '@netlify/identity';
import { readSessionCookies } from './cookies.js';

/** Where gotrue-js keeps the session on the device. */
export const SESSION_KEY = 'gotrue.user';

/** The user record GoTrue answers and gotrue-js stores (snake_case). */
export interface UserRecord {
  id: string;
  email: string;
  role?: string;
  confirmed_at?: string;
  created_at?: string;
  updated_at?: string;
  invited_at?: string;
  confirmation_sent_at?: string;
  recovery_sent_at?: string;
  new_email?: string;
  email_change_sent_at?: string;
  last_sign_in_at?: string;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
  token?: { access_token: string; refresh_token?: string; expires_at?: number };
  [field: string]: unknown;
}

const PROVIDERS = ['google', 'github', 'gitlab', 'bitbucket', 'facebook', 'saml', 'email'];

const optionalString = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * @netlify/identity's `User` for a stored record, the same fields its own normalisation gives,
 * so the page can show the user before that library has loaded.
 */
export function toUser(record: UserRecord): User {
  const userMetadata = record.user_metadata ?? {};
  const appMetadata = record.app_metadata ?? {};
  const name = userMetadata.full_name ?? userMetadata.name;
  const roles = appMetadata.roles;
  return {
    id: record.id,
    email: record.email,
    confirmedAt: optionalString(record.confirmed_at),
    createdAt: record.created_at,
    updatedAt: record.updated_at,
    role: optionalString(record.role),
    provider: PROVIDERS.includes(appMetadata.provider as string)
      ? (appMetadata.provider as User['provider'])
      : undefined,
    name: typeof name === 'string' ? name : undefined,
    pictureUrl: typeof userMetadata.avatar_url === 'string' ? userMetadata.avatar_url : undefined,
    roles:
      Array.isArray(roles) && roles.every((role) => typeof role === 'string')
        ? (roles as string[])
        : undefined,
    invitedAt: optionalString(record.invited_at),
    confirmationSentAt: optionalString(record.confirmation_sent_at),
    recoverySentAt: optionalString(record.recovery_sent_at),
    pendingEmail: optionalString(record.new_email),
    emailChangeSentAt: optionalString(record.email_change_sent_at),
    lastSignInAt: optionalString(record.last_sign_in_at),
    userMetadata,
    appMetadata,
  } as User;
}

function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface StoredSession {
  user: User;
  /** The record gotrue-js stored; undefined for a server-side login known only by its cookies. */
  record: UserRecord | undefined;
}

/**
 * The session this device holds, read synchronously: the `gotrue.user` entry (valid while its
 * nf_jwt cookie is there, as @netlify/identity rules), else the claims of the nf_jwt cookie a
 * server-side login wrote. The identity client confirms it with the server once it has loaded.
 */
export function readStoredSession(): StoredSession | null {
  let cookies;
  let stored: string | null;
  try {
    // Without its cookie the session is over: storage (slow to open) is not even read.
    cookies = readSessionCookies();
    if (!cookies) return null;
    stored = localStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
  if (stored) {
    try {
      const record = JSON.parse(stored) as UserRecord;
      if (record && typeof record.id === 'string') return { user: toUser(record), record };
    } catch {
      // A corrupt entry: fall back to the cookie, as the client will.
    }
  }
  const claims = decodeClaims(cookies.accessToken);
  if (!claims || typeof claims.sub !== 'string') return null;
  const user = toUser({
    id: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : '',
    user_metadata: (claims.user_metadata as Record<string, unknown> | undefined) ?? {},
    app_metadata: (claims.app_metadata as Record<string, unknown> | undefined) ?? {},
  });
  return { user, record: undefined };
}

/** Written by a tab that logs out on purpose, so other tabs don't try to rescue the session. */
export const LOGOUT_SIGNAL_KEY = 'netlify-identity-elements:logout';
