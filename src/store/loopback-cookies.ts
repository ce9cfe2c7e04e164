// Safari's engine drops every `Secure` cookie set from http://localhost, http://127.0.0.1 or
// http://[::1] (Chromium and Firefox treat those origins as secure and keep them). On exactly those
// pages nf_jwt / nf_refresh are written without `Secure`, so a session on the local server
// survives a reload; everywhere else they keep it. Small on purpose: it ships in the CDN bundle.

let checked = false;
let dropsSecure = false;

/**
 * Where a probe cookie shows that `Secure` cookies are dropped (not a user-agent guess), makes
 * `document.cookie` leave out the `Secure` of nf_jwt / nf_refresh writes: ours and those of
 * @netlify/identity, which clears the stored session when it cannot read nf_jwt back. Elsewhere
 * nothing changes. Runs once; later calls return at once.
 */
export function installLoopbackCookies(): void {
  if (checked || typeof document === 'undefined') return;
  checked = true;
  if (
    location.protocol !== 'http:' ||
    !/(^|\.)localhost$|^127(\.\d+){3}$|^\[::1\]$/.test(location.hostname)
  ) {
    return;
  }
  document.cookie = 'nf_secure_probe=1; path=/; secure';
  dropsSecure = !document.cookie.includes('nf_secure_probe=1');
  if (!dropsSecure) {
    document.cookie = 'nf_secure_probe=; path=/; secure; max-age=0';
    return;
  }
  const { get, set } = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie') ?? {};
  if (!get || !set) return;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get,
    set(this: Document, cookie: string) {
      set.call(
        this,
        /^\s*nf_(jwt|refresh)=/.test(cookie)
          ? cookie.replace(/;\s*secure\s*(?=;|$)/gi, '')
          : cookie,
      );
    },
  });
}

/** Whether this page's engine refuses `Secure` cookies here (after the probe has run). */
export function dropsSecureCookies(): boolean {
  installLoopbackCookies();
  return dropsSecure;
}
