/** What an auth link or an OAuth return left in the URL hash. */
export type AuthHash =
  | { type: 'oauth' }
  | { type: 'confirmation'; token: string }
  | { type: 'recovery'; token: string }
  | { type: 'invite'; token: string }
  | { type: 'email_change'; token: string }
  | { type: 'error'; error: string; description: string };

/** True when `state` marks an implicit-grant return that another app (a CMS's own OAuth) asked for. */
function belongsToAnotherApp(state: string | null): boolean {
  if (!state) return false;
  try {
    const parsed: unknown = JSON.parse(state);
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { auth_type?: unknown }).auth_type === 'implicit'
    );
  } catch {
    return false;
  }
}

/** Reads an auth hash (`#confirmation_token=...`, `#error=...`); null when the hash is not ours. */
export function parseAuthHash(hash: string): AuthHash | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const error = params.get('error');
  if (error) return { type: 'error', error, description: params.get('error_description') ?? '' };
  if (params.get('access_token')) {
    return belongsToAnotherApp(params.get('state')) ? null : { type: 'oauth' };
  }
  for (const type of ['confirmation', 'recovery', 'invite', 'email_change'] as const) {
    const token = params.get(`${type}_token`);
    if (token) return { type, token };
  }
  return null;
}
