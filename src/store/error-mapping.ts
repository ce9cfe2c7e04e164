// How the answers of GoTrue (through @netlify/identity and gotrue-js) become the contract's error
// codes. Part of the identity client: the page's first script never needs it.
import { IdentityError } from './errors.js';
import type { IdentityErrorCode, IdentityOperation } from './errors.js';

interface HttpFailure {
  status: number;
  /** GoTrue's `{code, msg}` or `/token`'s `{error, error_description}`; undefined for non-JSON answers. */
  json: { msg?: unknown; error?: unknown; error_description?: unknown } | undefined;
}

/**
 * Finds the HTTP answer behind an error: @netlify/identity wraps gotrue-js errors (which carry
 * `status` and `json`) in an AuthError whose own status is undefined in the browser.
 */
function httpFailureOf(error: unknown): HttpFailure | undefined {
  let found: HttpFailure | undefined;
  // The innermost status wins: getSettings() wraps every failure in an AuthError with status 502.
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const candidate = cause as { status?: unknown; json?: unknown; cause?: unknown };
    if (typeof candidate.status === 'number' && candidate.status > 0) {
      const json =
        candidate.json && typeof candidate.json === 'object'
          ? (candidate.json as HttpFailure['json'])
          : undefined;
      found = { status: candidate.status, json };
    }
    cause = candidate.cause;
  }
  return found;
}

function isNetworkFailure(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    if (cause instanceof TypeError) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function serverText(failure: HttpFailure): string {
  const { json } = failure;
  if (typeof json?.msg === 'string') return json.msg;
  if (typeof json?.error_description === 'string') return json.error_description;
  if (typeof json?.error === 'string') return json.error;
  return `HTTP ${failure.status}`;
}

function codeForFailure(failure: HttpFailure, operation: IdentityOperation): IdentityErrorCode {
  const { status, json } = failure;
  const text = serverText(failure);
  // No JSON body at all: a 404 page means there is no Identity behind /.netlify/identity.
  if (!json) return status === 404 ? 'identity_unavailable' : status >= 500 ? 'server' : 'unknown';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (json.error === 'invalid_grant') {
    if (operation === 'refresh') return 'session_expired';
    return /not confirmed/i.test(text) ? 'email_not_confirmed' : 'invalid_credentials';
  }
  if (json.error !== undefined)
    return operation === 'refresh' ? 'session_expired' : 'invalid_input';
  if (status === 403 && operation === 'signup') return 'signup_disabled';
  if (status === 400 && /already been registered/i.test(text)) return 'user_exists';
  if (status === 422 && /already registered/i.test(text)) return 'user_exists';
  if (status === 400 && /provider/i.test(text)) return 'provider_disabled';
  const tokenOperations: IdentityOperation[] = [
    'confirmation',
    'recovery',
    'invite',
    'email-change',
  ];
  if (tokenOperations.includes(operation)) {
    if (status === 404 || status === 401 || /token/i.test(text)) return 'invalid_token';
  }
  if (status === 401 || (status === 404 && /user not found/i.test(text))) return 'session_expired';
  if (status === 404) return 'identity_unavailable';
  if (status === 400 || status === 422) return 'invalid_input';
  return 'unknown';
}

/** Turns whatever @netlify/identity or gotrue-js threw into an IdentityError with a contract code. */
export function toIdentityError(error: unknown, operation: IdentityOperation): IdentityError {
  if (error instanceof IdentityError) return error;
  const failure = httpFailureOf(error);
  if (failure) {
    return new IdentityError(
      codeForFailure(failure, operation),
      serverText(failure),
      failure.status,
      {
        cause: error,
      },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isNetworkFailure(error))
    return new IdentityError('network', message, undefined, { cause: error });
  if (/no user is currently logged in|requires an active browser session/i.test(message)) {
    return new IdentityError('session_expired', message, undefined, { cause: error });
  }
  return new IdentityError('unknown', message, undefined, { cause: error });
}

/** The codes GoTrue's OAuth `#error=` hash carries, mapped to the contract's codes. */
export function errorFromHash(error: string, description: string): IdentityError {
  const code: IdentityErrorCode =
    error === 'access_denied'
      ? /signups? not allowed/i.test(description)
        ? 'signup_disabled'
        : 'access_denied'
      : error === 'server_error' || error === 'temporarily_unavailable'
        ? 'server'
        : error === 'unauthorized_client'
          ? 'provider_disabled'
          : 'invalid_token';
  return new IdentityError(code, description || error);
}
