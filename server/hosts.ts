import { isIP } from 'node:net';

/** The names a loopback server answers to on its own. */
export const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a Host header, brackets kept for IPv6: "[::1]:8888" -> "[::1]". */
export function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  const colon = host.indexOf(':');
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase();
}

/** `true` answers any Host; otherwise names, where ".example.test" also allows its subdomains (as Vite). */
export type AllowedHosts = readonly string[] | true;

/**
 * Which Host headers the server answers: its own names (localhost and its subdomains, IP
 * addresses), the site URL's host and the allowed ones. Any other name reached this machine
 * through DNS it does not control: DNS rebinding, refused on every route.
 */
export function createHostCheck(
  allowedHosts: AllowedHosts = [],
  siteUrl?: string,
): (host: string | undefined) => boolean {
  if (allowedHosts === true) return () => true;
  const exact = new Set<string>();
  const suffixes: string[] = ['.localhost'];
  for (const entry of allowedHosts) {
    const name = entry.toLowerCase();
    if (name.startsWith('.')) {
      suffixes.push(name);
      exact.add(name.slice(1));
    } else exact.add(name);
  }
  if (siteUrl) exact.add(new URL(siteUrl).hostname.toLowerCase());
  return (host) => {
    if (!host) return false;
    const name = hostnameOf(host);
    if (name === 'localhost' || exact.has(name)) return true;
    // An address names a machine, not a domain someone could point elsewhere.
    if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return true;
    return suffixes.some((suffix) => name.endsWith(suffix));
  };
}

export function hostRefusal(host: string | undefined): string {
  return (
    `Host "${host ?? ''}" is not allowed: this local identity server answers localhost and its ` +
    'own addresses. Add the name with --allowed-host (or the allowedHosts option).'
  );
}
