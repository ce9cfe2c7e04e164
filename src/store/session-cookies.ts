// Writes the nf_jwt / nf_refresh cookies. Only the identity client writes them, so this module (and
// the loopback rule it needs) loads with the client, not with the core. `Secure` is left out only
// where the engine would drop the cookie for it (loopback-cookies.ts).
import { JWT_COOKIE, REFRESH_COOKIE } from './cookies.js';
import { installLoopbackCookies } from './loopback-cookies.js';

export function writeSessionCookies(accessToken: string, refreshToken: string | undefined): void {
  installLoopbackCookies();
  document.cookie = `${JWT_COOKIE}=${encodeURIComponent(accessToken)}; path=/; secure; samesite=lax`;
  if (refreshToken) {
    document.cookie = `${REFRESH_COOKIE}=${encodeURIComponent(refreshToken)}; path=/; secure; samesite=lax`;
  }
}

export function clearSessionCookies(): void {
  installLoopbackCookies();
  for (const name of [JWT_COOKIE, REFRESH_COOKIE]) {
    document.cookie = `${name}=; path=/; secure; samesite=lax; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  }
}
