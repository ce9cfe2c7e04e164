import { randomUUID } from 'node:crypto';
import { apiError } from './http.js';
import type { JournalEntry } from './journal.js';

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
    // defineProperty: a "__proto__" key stays a plain key instead of replacing the prototype.
    else
      Object.defineProperty(merged, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
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

const TOKEN_KINDS: TokenKind[] = ['confirmationToken', 'recoveryToken', 'emailChangeToken'];

/**
 * Every user, indexed by id, by email (case-insensitive) and by each live mail token, so a lookup
 * costs the same with 20,000 users as with 20. Each change is recorded for the journal.
 */
export class UserStore {
  private readonly byId = new Map<string, UserRecord>();
  private readonly byKey = new Map<string, UserRecord>();
  /** The index keys each user is filed under, to unfile them when the user changes. */
  private readonly keysOf = new Map<string, string[]>();

  constructor(
    private readonly clock: () => number,
    private readonly record: (entry: JournalEntry) => void,
  ) {}

  now(): string {
    return new Date(this.clock()).toISOString();
  }

  /** Newest first, the order GoTrue lists users in. */
  list(): UserRecord[] {
    return [...this.byId.values()].reverse();
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): UserRecord | undefined {
    return this.byId.get(id);
  }

  findByEmail(email: string): UserRecord | undefined {
    return this.byKey.get(`email:${email.toLowerCase()}`);
  }

  findByToken(kind: TokenKind, token: string): UserRecord | undefined {
    return token ? this.byKey.get(`${kind}:${token}`) : undefined;
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
    this.save(user);
    return user;
  }

  /** Records a change made to `user` in place. */
  touch(user: UserRecord): UserRecord {
    // Deleted while the request was hashing a password: saving it would bring it back.
    if (this.byId.get(user.id) !== user) throw apiError(404, 'User not found');
    user.updatedAt = this.now();
    this.save(user);
    return user;
  }

  delete(id: string): boolean {
    if (!this.byId.has(id)) return false;
    this.record({ type: 'user-deleted', id });
    this.remove(id);
    return true;
  }

  clear(): void {
    this.byId.clear();
    this.byKey.clear();
    this.keysOf.clear();
  }

  /** A journal entry replayed at start: the state it names, recorded nowhere. */
  apply(entry: JournalEntry): void {
    if (entry.type === 'user') this.put(entry.user);
    else if (entry.type === 'user-deleted') this.remove(entry.id);
    else if (entry.type === 'reset') this.clear();
  }

  *snapshot(): Iterable<JournalEntry> {
    for (const user of this.byId.values()) yield { type: 'user', user };
  }

  private save(user: UserRecord): void {
    // First, so a user that cannot be written is not changed in the indexes either.
    this.record({ type: 'user', user });
    this.put(user);
  }

  private put(user: UserRecord): void {
    this.unfile(user.id);
    // Map order is creation order: a replaced user keeps its place.
    this.byId.set(user.id, user);
    const keys = [`email:${user.email.toLowerCase()}`];
    for (const kind of TOKEN_KINDS) if (user[kind]) keys.push(`${kind}:${user[kind]}`);
    for (const key of keys) this.byKey.set(key, user);
    this.keysOf.set(user.id, keys);
  }

  private remove(id: string): void {
    this.unfile(id);
    this.byId.delete(id);
  }

  private unfile(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      if (this.byKey.get(key)?.id === id) this.byKey.delete(key);
    }
    this.keysOf.delete(id);
  }
}
