import type { Services } from './context.js';
import { apiError } from './http.js';
import { LIMITS } from './limits.js';
import { TOKEN_LIFETIME_MS, randomToken } from './tokens.js';
import type { UserRecord } from './users.js';

// The pattern GoTrue's mail validation (badoux/checkmail) applies.
const EMAIL_FORMAT =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function validateEmail(email: string): void {
  if (!email) throw apiError(422, 'An email address is required');
  // Checked first: the pattern then only ever runs on short input.
  if (email.length > LIMITS.emailLength) {
    throw apiError(
      422,
      `Unable to validate email address: longer than ${LIMITS.emailLength} characters`,
    );
  }
  if (email.indexOf('@') > LIMITS.emailLocalPartLength) {
    throw apiError(
      422,
      `Unable to validate email address: the part before @ is longer than ${LIMITS.emailLocalPartLength} characters`,
    );
  }
  if (!EMAIL_FORMAT.test(email))
    throw apiError(422, 'Unable to validate email address: invalid format');
}

/** Refuses an address another user already has (`self` may keep its own). */
export function ensureEmailFree(services: Services, email: string, self?: UserRecord): void {
  const owner = services.users.findByEmail(email);
  if (owner !== undefined && owner !== self) {
    throw apiError(422, 'Email address already registered by another user');
  }
}

export function isExpired(services: Services, expiresAt: number | undefined): boolean {
  return expiresAt !== undefined && services.clock() > expiresAt;
}

export function confirm(services: Services, user: UserRecord): void {
  user.confirmedAt ??= services.users.now();
  user.confirmationToken = undefined;
  user.confirmationExpiresAt = undefined;
  services.users.touch(user);
}

// Each mail replaces the user's previous token of that kind, as GoTrue does: only the newest link works.

export function sendConfirmation(services: Services, user: UserRecord, siteOrigin: string): void {
  user.confirmationToken = randomToken();
  user.confirmationExpiresAt = services.clock() + TOKEN_LIFETIME_MS.confirmation;
  user.confirmationSentAt = services.users.now();
  services.users.touch(user);
  services.mail.send(
    'confirmation',
    user.email,
    user.confirmationToken,
    siteOrigin,
    user.confirmationSentAt,
  );
}

export function sendInvite(services: Services, user: UserRecord, siteOrigin: string): void {
  user.confirmationToken = randomToken();
  user.confirmationExpiresAt = services.clock() + TOKEN_LIFETIME_MS.invite;
  user.invitedAt = services.users.now();
  services.users.touch(user);
  services.mail.send('invite', user.email, user.confirmationToken, siteOrigin, user.invitedAt);
}

export function sendRecovery(services: Services, user: UserRecord, siteOrigin: string): void {
  user.recoveryToken = randomToken();
  user.recoveryExpiresAt = services.clock() + TOKEN_LIFETIME_MS.recovery;
  user.recoverySentAt = services.users.now();
  services.users.touch(user);
  services.mail.send('recovery', user.email, user.recoveryToken, siteOrigin, user.recoverySentAt);
}

export function sendEmailChange(
  services: Services,
  user: UserRecord,
  newEmail: string,
  siteOrigin: string,
): void {
  user.emailChangeToken = randomToken();
  user.emailChangeExpiresAt = services.clock() + TOKEN_LIFETIME_MS.emailChange;
  user.newEmail = newEmail;
  user.emailChangeSentAt = services.users.now();
  services.users.touch(user);
  services.mail.send(
    'email_change',
    newEmail,
    user.emailChangeToken,
    siteOrigin,
    user.emailChangeSentAt,
  );
}
