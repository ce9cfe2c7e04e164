import type { JournalEntry } from './journal.js';
import { rateLimited } from './throttle.js';

// GoTrue's interval between two recovery mails to one address.
const RECOVERY_INTERVAL_MS = 15 * 60 * 1000;

/**
 * When each address last asked for a recovery mail, known account or not: both get the same
 * answer, the same 429 on a repeat, and the same write to disk, so neither reveals an account.
 */
export class RecoveryRequests {
  private readonly lastAt = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly record: (entry: JournalEntry) => void,
  ) {}

  /** Counts a request for `email`, or throws the 429 when the last one is too recent. */
  take(email: string): void {
    const key = email.toLowerCase();
    const now = this.clock();
    const waited = now - (this.lastAt.get(key) ?? -Infinity);
    if (waited < RECOVERY_INTERVAL_MS) {
      const seconds = Math.ceil((RECOVERY_INTERVAL_MS - waited) / 1000);
      throw rateLimited(seconds, 'Rate limit exceeded, try again later');
    }
    this.record({ type: 'recovery-requested', email: key, at: now });
    this.set(key, now);
  }

  clear(): void {
    this.lastAt.clear();
  }

  apply(entry: JournalEntry): void {
    if (entry.type === 'recovery-requested') this.set(entry.email, entry.at);
    else if (entry.type === 'reset') this.clear();
  }

  /** Only requests recent enough to still hold back the next. */
  *snapshot(): Iterable<JournalEntry> {
    const now = this.clock();
    for (const [email, at] of this.lastAt) {
      if (now - at < RECOVERY_INTERVAL_MS) yield { type: 'recovery-requested', email, at };
    }
  }

  private set(email: string, at: number): void {
    this.lastAt.delete(email);
    this.lastAt.set(email, at);
    // Old entries first in the map: drop the ones that no longer hold anything back.
    for (const [key, time] of this.lastAt) {
      if (this.clock() - time < RECOVERY_INTERVAL_MS) break;
      this.lastAt.delete(key);
    }
  }
}
