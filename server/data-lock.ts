import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Who holds a data file: written beside it, so a second server can name the first. */
interface LockOwner {
  pid: number;
  url?: string;
  startedAt: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One process per data file: `<file>.lock` names the process that holds it (pid, then its URL once
 * it listens). A lock whose process is gone is a crash's leftover and is taken over.
 */
export class DataFileLock {
  private readonly path: string;
  private owner: LockOwner;
  private held = false;

  constructor(dataFile: string) {
    this.path = `${dataFile}.lock`;
    this.owner = { pid: process.pid, startedAt: new Date().toISOString() };
  }

  acquire(dataFile: string): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        writeFileSync(this.path, JSON.stringify(this.owner), { flag: 'wx', mode: 0o600 });
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readOwner(this.path);
      if (holder && isRunning(holder.pid)) {
        const where = holder.url ? ` at ${holder.url}` : '';
        throw new Error(
          `The identity data file ${dataFile} is in use by another server (process ${holder.pid}${where}). ` +
            `Stop that server or choose another data file. If no such server runs, delete ${this.path}.`,
        );
      }
      // The holder died without cleaning up (or the lock is unreadable): take it over.
      rmSync(this.path, { force: true });
    }
    throw new Error(
      `Could not lock the identity data file ${dataFile}: ${this.path} keeps reappearing`,
    );
  }

  /** Records where this server answers, for the message a second server shows. */
  setUrl(url: string): void {
    if (!this.held || this.owner.url === url) return;
    this.owner = { ...this.owner, url };
    writeFileSync(this.path, JSON.stringify(this.owner), { mode: 0o600 });
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    // Only our own lock: another process may have taken over a lock it judged stale.
    if (readOwner(this.path)?.pid === process.pid) rmSync(this.path, { force: true });
  }
}
