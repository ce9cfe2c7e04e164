// The nf_jwt / nf_refresh cookies, as @netlify/identity writes them, so that Netlify Functions and
// edge redirects see the same session as the page. Reading them is part of the core (the session is
// known at once); writing them is the client's (session-cookies.ts).
export const JWT_COOKIE = 'nf_jwt';
export const REFRESH_COOKIE = 'nf_refresh';

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
