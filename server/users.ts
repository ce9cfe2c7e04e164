import { randomUUID } from 'node:crypto';

/** A user as stored; `userJson` is the only view of it that leaves the server. */
export interface UserRecord {
  id: string;
  aud: string;
  role: string;
  email: string;
  passwordHash?: string;
  confirmedAt?: string;
  invitedAt?: string;
  confirmationSentAt?: string;
  recoverySentAt?: string;
  newEmail?: string;
  emailChangeSentAt?: string;
  lastSignInAt?: string;
  appMetadata: Record<string, unknown>;
  userMetadata: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  // One live token of each kind, as GoTrue keeps them: sending a new mail replaces the old link.
  confirmationToken?: string;
  confirmationExpiresAt?: number;
  recoveryToken?: string;
  recoveryExpiresAt?: number;
  emailChangeToken?: string;
  emailChangeExpiresAt?: number;
}

export type TokenKind = 'confirmationToken' | 'recoveryToken' | 'emailChangeToken';

/** GoTrue's user JSON: field order and omission of unset fields as the real server sends them. */
export function userJson(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    aud: user.aud,
    role: user.role,
    email: user.email,
    confirmed_at: user.confirmedAt,
    invited_at: user.invitedAt,
    confirmation_sent_at: user.confirmationSentAt,
    recovery_sent_at: user.recoverySentAt,
    new_email: user.newEmail,
    email_change_sent_at: user.emailChangeSentAt,
    last_sign_in_at: user.lastSignInAt,
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

/** GoTrue's metadata update: keys are merged in, a key set to null is removed. */
export function mergeMetadata(
  current: Record<string, unknown> | null,
  updates: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export interface NewUser {
  email: string;
  passwordHash?: string;
  role?: string;
  userMetadata?: Record<string, unknown> | null;
  appMetadata?: Record<string, unknown>;
}

export class UserStore {
  private readonly byId = new Map<string, UserRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly onChange: () => void,
  ) {}

  now(): string {
    return new Date(this.clock()).toISOString();
  }

  /** Newest first, the order GoTrue lists users in. */
  list(): UserRecord[] {
    return [...this.byId.values()].reverse();
  }

  get(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }

  findByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.byId.values()) if (user.email.toLowerCase() === wanted) return user;
    return undefined;
  }

  findByToken(kind: TokenKind, token: string): UserRecord | undefined {
    if (!token) return undefined;
    for (const user of this.byId.values()) if (user[kind] === token) return user;
    return undefined;
  }

  create(fields: NewUser): UserRecord {
    const now = this.now();
    const user: UserRecord = {
      id: randomUUID(),
      aud: '',
      role: fields.role ?? '',
      email: fields.email,
      passwordHash: fields.passwordHash,
      appMetadata: { provider: 'email', ...fields.appMetadata },
      userMetadata: fields.userMetadata ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.byId.set(user.id, user);
    this.onChange();
    return user;
  }

  /** Records a change made to `user` in place. */
  touch(user: UserRecord): UserRecord {
    user.updatedAt = this.now();
    this.onChange();
    return user;
  }

  delete(id: string): boolean {
    const deleted = this.byId.delete(id);
    if (deleted) this.onChange();
    return deleted;
  }

  clear(): void {
    this.byId.clear();
    this.onChange();
  }

  snapshot(): UserRecord[] {
    return [...this.byId.values()];
  }

  restore(users: UserRecord[]): void {
    for (const user of users) this.byId.set(user.id, user);
  }
}
