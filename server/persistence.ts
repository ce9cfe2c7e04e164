import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { UserRecord } from './users.js';
import type { RefreshTokenRecord } from './tokens.js';

export interface StoredData {
  version: 1;
  /** The JWT signing secret: kept so sessions survive a restart. */
  secret: string;
  users: UserRecord[];
  refreshTokens: RefreshTokenRecord[];
}

/** Reads the data file at start-up; a missing file is a first start, a broken one an error to show. */
export function loadDataFile(path: string): StoredData | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the identity data file ${path}: ${(error as Error).message}`);
  }
  try {
    const data = JSON.parse(text) as StoredData;
    if (data.version !== 1 || typeof data.secret !== 'string' || !Array.isArray(data.users)) {
      throw new Error('not an identity data file');
    }
    return { ...data, refreshTokens: data.refreshTokens ?? [] };
  } catch (error) {
    throw new Error(`Cannot read the identity data file ${path}: ${(error as Error).message}`);
  }
}

/**
 * Writes the data file after changes, coalescing a burst of them into one write. Each write goes
 * to a temporary file that is then renamed over the old one, so a crash never leaves half a file.
 */
export class DataFileWriter {
  private dirty = false;
  private writing: Promise<void> | undefined;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => StoredData,
    private readonly reportError: (message: string) => void,
  ) {}

  schedule(): void {
    this.dirty = true;
    this.writing ??= this.writeWhileDirty();
  }

  /** Resolves once every change made so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeWhileDirty(): Promise<void> {
    try {
      // Let the rest of this request's changes land first.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.dirty) {
        this.dirty = false;
        await this.writeOnce();
      }
    } catch (error) {
      this.reportError(`Could not write ${this.path}: ${(error as Error).message}`);
    } finally {
      this.writing = undefined;
    }
  }

  private async writeOnce(): Promise<void> {
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    await mkdir(dirname(this.path), { recursive: true });
    try {
      await writeFile(temporary, JSON.stringify(this.snapshot(), null, 2), { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
