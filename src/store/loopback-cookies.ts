// Safari's engine drops every `Secure` cookie set from http://localhost, http://127.0.0.1 or
// http://[::1] (Chromium and Firefox treat those origins as secure and keep them). On exactly those
// pages the nf_jwt / nf_refresh cookies are written without `Secure`, so a session on the local
// server survives a reload; everywhere else they keep it.

const SESSION_COOKIES = new Set(['nf_jwt', 'nf_refresh']);
const EXPIRED = 'expires=Thu, 01 Jan 1970 00:00:00 GMT';

let dropsSecure: boolean | undefined;

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

/**
 * True when this page is on a plain-http loopback origin whose browser refuses `Secure` cookies
 * there. Found by writing a probe cookie once, not by reading the user agent.
 */
export function dropsSecureCookies(): boolean {
  if (dropsSecure !== undefined) return dropsSecure;
  dropsSecure = false;
  if (typeof document === 'undefined' || location.protocol !== 'http:') return dropsSecure;
  if (!isLoopback(location.hostname)) return dropsSecure;
  const probe = `nf_secure_probe_${Math.random().toString(36).slice(2)}=1`;
  document.cookie = `${probe}; path=/; secure; samesite=lax`;
  const kept = document.cookie.split('; ').includes(probe);
  document.cookie = `${probe.slice(0, -1)}; path=/; secure; samesite=lax; ${EXPIRED}`;
  if (kept) return dropsSecure;
  // Cookies switched off altogether are not this case: nothing would keep them.
  document.cookie = `${probe}; path=/; samesite=lax`;
  dropsSecure = document.cookie.split('; ').includes(probe);
  document.cookie = `${probe.slice(0, -1)}; path=/; samesite=lax; ${EXPIRED}`;
  return dropsSecure;
}

/** The attributes every session cookie write and delete uses on this page. */
export function sessionCookieAttributes(): string {
  return dropsSecureCookies() ? 'path=/; samesite=lax' : 'path=/; secure; samesite=lax';
}

function withoutSecure(cookie: string): string {
  const name = cookie.slice(0, cookie.indexOf('=')).trim();
  if (!SESSION_COOKIES.has(name)) return cookie;
  return cookie
    .split(';')
    .filter((part) => part.trim().toLowerCase() !== 'secure')
    .join(';');
}

const INSTALLED = Symbol.for('netlify-identity-elements.loopback-cookies');

/**
 * @netlify/identity writes nf_jwt / nf_refresh with `Secure` itself, and clears the stored session
 * when it cannot read nf_jwt back. Where those writes would be dropped, `document.cookie` drops the
 * `Secure` of those two cookies only; elsewhere nothing is changed. Safe to call more than once.
 */
export function installLoopbackCookies(): void {
  if (typeof document === 'undefined' || !dropsSecureCookies()) return;
  const target = document as Document & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!native?.get || !native.set) return;
  const { get, set } = native;
  Object.defineProperty(target, 'cookie', {
    configurable: true,
    enumerable: true,
    get(this: Document) {
      return get.call(this) as string;
    },
    set(this: Document, value: string) {
      set.call(this, withoutSecure(String(value)));
    },
  });
  target[INSTALLED] = true;
}
