/** What went wrong, in words the UI can translate. Fixed by the public contract. */
export type IdentityErrorCode =
  | 'invalid_credentials'
  | 'email_not_confirmed'
  | 'signup_disabled'
  | 'user_exists'
  | 'invalid_input'
  | 'invalid_token'
  | 'rate_limited'
  | 'provider_disabled'
  | 'access_denied'
  | 'session_expired'
  | 'identity_unavailable'
  | 'network'
  | 'server'
  | 'unknown';

/** The operations the store performs; errors are read in the light of the one that failed. */
export type IdentityOperation =
  | 'init'
  | 'settings'
  | 'login'
  | 'signup'
  | 'logout'
  | 'oauth'
  | 'recovery-request'
  | 'recovery'
  | 'invite'
  | 'confirmation'
  | 'email-change'
  | 'update'
  | 'refresh';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly code: IdentityErrorCode;
  /** HTTP status of the answer that caused it, when there was one. */
  readonly status: number | undefined;

  constructor(code: IdentityErrorCode, message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.status = status;
  }

  /** The plain shape carried by `netlify-identity-error` events. */
  toJSON(): { code: IdentityErrorCode; message: string; status: number | undefined } {
    return { code: this.code, message: this.message, status: this.status };
  }
}

/**
 * Any failure as an IdentityError. The store reads the identity client's failures with the
 * client's own reader (src/store/error-mapping.ts); this covers what reaches the page without it.
 */
export function asIdentityError(error: unknown): IdentityError {
  if (error instanceof IdentityError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IdentityError(error instanceof TypeError ? 'network' : 'unknown', message, undefined, {
    cause: error,
  });
}
