// The nf_jwt / nf_refresh cookies, as @netlify/identity writes them, so that Netlify Functions and
// edge redirects see the same session as the page. `Secure` everywhere but on the plain-http
// loopback pages of an engine that drops it there (see loopback-cookies.ts).
import { sessionCookieAttributes } from './loopback-cookies.js';

const JWT_COOKIE = 'nf_jwt';
const REFRESH_COOKIE = 'nf_refresh';

function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const separator = pair.indexOf('=');
    if (pair.slice(0, separator) !== name) continue;
    const value = pair.slice(separator + 1);
    try {
      return decodeURIComponent(value) || undefined;
    } catch {
      return value || undefined;
    }
  }
  return undefined;
}

export interface CookieSession {
  accessToken: string;
  refreshToken: string | undefined;
}

export function readSessionCookies(): CookieSession | undefined {
  const accessToken = readCookie(JWT_COOKIE);
  return accessToken ? { accessToken, refreshToken: readCookie(REFRESH_COOKIE) } : undefined;
}

export function writeSessionCookies(accessToken: string, refreshToken: string | undefined): void {
  const attributes = sessionCookieAttributes();
  document.cookie = `${JWT_COOKIE}=${encodeURIComponent(accessToken)}; ${attributes}`;
  if (refreshToken) {
    document.cookie = `${REFRESH_COOKIE}=${encodeURIComponent(refreshToken)}; ${attributes}`;
  }
}

export function clearSessionCookies(): void {
  const attributes = sessionCookieAttributes();
  for (const name of [JWT_COOKIE, REFRESH_COOKIE]) {
    document.cookie = `${name}=; ${attributes}; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}

/** Seconds until a JWT expires (negative when expired); undefined when it cannot be read. */
export function secondsLeft(accessToken: string): number | undefined {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: unknown;
    };
    return typeof claims.exp === 'number' ? claims.exp - Date.now() / 1000 : undefined;
  } catch {
    return undefined;
  }
}
