import type { Services } from './context.js';
import type { UserRecord } from './users.js';

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
}

/** Logs `user` in: a fresh access token and a new session's refresh token, as /token, /verify and /callback answer. */
export function startSession(services: Services, user: UserRecord): TokenResponse {
  user.lastSignInAt = services.users.now();
  services.users.touch(user);
  return continueSession(services, user, services.refreshTokens.issue(user.id));
}

export function continueSession(
  services: Services,
  user: UserRecord,
  refreshToken: string,
): TokenResponse {
  return {
    access_token: services.accessTokens.sign(user),
    token_type: 'bearer',
    expires_in: services.accessTokens.lifetimeSeconds,
    refresh_token: refreshToken,
  };
}
