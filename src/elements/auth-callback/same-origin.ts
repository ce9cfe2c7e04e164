/**
 * A redirect target is honoured only when it is a path on this site: `//evil.example`,
 * `javascript:` and other origins are refused (null).
 */
export function sameOriginPath(target: string | null | undefined, origin: string): string | null {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return null;
  }
  try {
    const url = new URL(target, origin);
    return url.origin === origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}
