import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataFileLock } from './data-lock.js';
import type { RefreshTokenRecord } from './tokens.js';
import type { UserRecord } from './users.js';

/**
 * One change, as a line of the data file. Each says what a thing now is (not how it changed), so
 * replaying any tail of the journal over a newer state leaves that state as it was: compaction may
 * snapshot the state while changes already in it are still waiting to be written.
 */
export type JournalEntry =
  | { type: 'user'; user: UserRecord }
  | { type: 'user-deleted'; id: string }
  | { type: 'refresh-token'; token: RefreshTokenRecord }
  | { type: 'refresh-tokens-revoked'; userId: string }
  | { type: 'session-revoked'; sessionId: string }
  | { type: 'recovery-requested'; email: string; at: number }
  | { type: 'reset' };

/** What the journal keeps on disk: the stores apply replayed entries and list their current state. */
export interface JournalState {
  apply(entry: JournalEntry): void;
  snapshot(): Iterable<JournalEntry>;
}

const FORMAT = 'netlify-identity-elements/journal';

interface Header {
  format: typeof FORMAT;
  version: 2;
  /** The JWT signing secret: kept so sessions survive a restart. */
  secret: string;
}

/** The JSON file of versions before the journal: read once, then rewritten as a journal. */
interface LegacyDataFile {
  version: 1;
  secret: string;
  users: UserRecord[];
  refreshTokens?: Array<Omit<RefreshTokenRecord, 'sessionId'> & { sessionId?: string }>;
}

// Compaction runs once the journal has grown past twice its last snapshot, and never below this.
const MIN_COMPACTION_BYTES = 4 * 1024 * 1024;

function fail(path: string, reason: string): Error {
  return new Error(`Cannot read the identity data file ${path}: ${reason}`);
}

function parseLines(path: string, text: string): { header: Header; entries: JournalEntry[] } {
  const lines = text.split('\n');
  const parsed: unknown[] = [];
  let torn = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    try {
      if (torn >= 0) throw new Error('after a broken line');
      parsed.push(JSON.parse(line));
    } catch {
      // Only the tail can be torn: it is the write a crash interrupted, never acknowledged.
      if (torn < 0) torn = i;
    }
  }
  if (torn >= 0 && lines.slice(torn + 1).some((line) => line.trim() && !/^\0*$/.test(line))) {
    throw fail(path, `line ${torn + 1} is not valid JSON`);
  }
  const [header, ...entries] = parsed as [Header, ...JournalEntry[]];
  if (header?.format !== FORMAT || header.version !== 2 || typeof header.secret !== 'string') {
    throw fail(path, 'not an identity data file');
  }
  return { header, entries };
}

function parseLegacy(path: string, text: string): { header: Header; entries: JournalEntry[] } {
  let data: LegacyDataFile;
  try {
    data = JSON.parse(text) as LegacyDataFile;
  } catch (error) {
    throw fail(path, (error as Error).message);
  }
  if (data.version !== 1 || typeof data.secret !== 'string' || !Array.isArray(data.users)) {
    throw fail(path, 'not an identity data file');
  }
  const entries: JournalEntry[] = data.users.map((user) => ({ type: 'user', user }));
  for (const token of data.refreshTokens ?? []) {
    // Each old token becomes a session of its own.
    entries.push({ type: 'refresh-token', token: { ...token, sessionId: token.token } });
  }
  return { header: { format: FORMAT, version: 2, secret: data.secret }, entries };
}

/**
 * The data file as an append-only journal of JSON lines. A change is written and fsynced before the
 * request that made it is answered; changes that finish together share one fsync. Started and
 * grown past a threshold, the journal is compacted into a snapshot of the current state.
 */
export class Journal {
  private fd = -1;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private flushScheduled = false;
  private bytes = 0;
  private snapshotBytes = 0;
  private readonly lock: DataFileLock;
  private readonly header: Header;

  /** Locks the file, replays it into `state`, and compacts it. */
  constructor(
    private readonly path: string,
    private readonly state: JournalState,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.lock = new DataFileLock(path);
    this.lock.acquire(path);
    try {
      this.removeLeftovers();
      const { header, entries } = this.read();
      this.header = header;
      for (const entry of entries) state.apply(entry);
      this.compact();
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  get secret(): Buffer {
    return Buffer.from(this.header.secret, 'base64');
  }

  setUrl(url: string): void {
    this.lock.setUrl(url);
  }

  /** Queues a change; throws at once if it cannot be serialized, so the request fails, not the file. */
  record(entry: JournalEntry): void {
    this.pending.push(`${JSON.stringify(entry)}\n`);
  }

  /** Resolves once every change recorded so far is on disk; rejects if writing it failed. */
  durable(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // Whatever else finishes in this turn of the event loop joins the same write and fsync.
      setImmediate(() => this.flush());
    });
  }

  close(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    this.lock.release();
  }

  /**
   * Synchronous on purpose: the write never queues behind password hashing in libuv's thread
   * pool, and an fsync of one batch takes a few milliseconds.
   */
  private flush(): void {
    this.flushScheduled = false;
    const lines = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (lines.length === 0) return waiters.forEach((waiter) => waiter.resolve());
    try {
      if (this.fd < 0) throw new Error('the data file is closed');
      const chunk = Buffer.from(lines.join(''));
      writeSync(this.fd, chunk);
      fdatasyncSync(this.fd);
      this.bytes += chunk.length;
    } catch (error) {
      // Kept for the next write: the changes are still in memory and the state entries are idempotent.
      this.pending = [...lines, ...this.pending];
      const reason = new Error(`Could not write ${this.path}: ${(error as Error).message}`);
      return waiters.forEach((waiter) => waiter.reject(reason));
    }
    waiters.forEach((waiter) => waiter.resolve());
    if (this.bytes > Math.max(MIN_COMPACTION_BYTES, 2 * this.snapshotBytes)) {
      try {
        this.compact();
      } catch {
        // The journal is intact; compaction is tried again after the next write.
      }
    }
  }

  private read(): { header: Header; entries: JournalEntry[] } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw fail(this.path, (error as Error).message);
      }
      text = '';
    }
    if (text.trim() === '') {
      const secret = randomBytes(32).toString('base64');
      return { header: { format: FORMAT, version: 2, secret }, entries: [] };
    }
    const firstLine = text.slice(0, text.indexOf('\n') + 1 || undefined);
    return firstLine.includes(FORMAT) ? parseLines(this.path, text) : parseLegacy(this.path, text);
  }

  /** Writes the current state to a new file and swaps it in: a crash leaves the old or the new. */
  private compact(): void {
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    const lines = [JSON.stringify(this.header)];
    for (const entry of this.state.snapshot()) lines.push(JSON.stringify(entry));
    const chunk = Buffer.from(`${lines.join('\n')}\n`);
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, chunk);
      fsyncSync(fd);
    } catch (error) {
      closeSync(fd);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temporary, this.path);
    const dir = openSync(dirname(this.path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = openSync(this.path, 'a', 0o600);
    this.bytes = chunk.length;
    this.snapshotBytes = chunk.length;
  }

  /** Temporary files of a compaction that a crash interrupted. */
  private removeLeftovers(): void {
    const prefix = `${basename(this.path)}.`;
    const dir = dirname(this.path);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && /^\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length - 1))) {
        rmSync(join(dir, name), { force: true });
      }
    }
  }
}
