import { availableParallelism } from 'node:os';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { apiError } from './http.js';

// The usual interactive-login cost. The async scrypt runs on the libuv pool, so a burst of logins
// slows logins down but never blocks other requests.
const COST = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 64;

/** GoTrue hashes with bcrypt, which refuses more than 72 bytes (the real server answers a 500). */
export const MAX_PASSWORD_BYTES = 72;

/** A 422 a person can read for a password bcrypt would refuse. */
export function checkPasswordLength(password: string): void {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes > MAX_PASSWORD_BYTES) {
    throw apiError(
      422,
      `Password is too long: ${bytes} bytes, at most ${MAX_PASSWORD_BYTES} (fewer characters outside ASCII)`,
    );
  }
}

// At most this many hashes at once: libuv's pool has 4 threads, and one stays free for file
// reads, so a burst of logins never stalls the static files.
const MAX_CONCURRENT_HASHES = Math.max(1, Math.min(availableParallelism(), 3));
let running = 0;
const queued: Array<() => void> = [];

async function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => queued.push(resolve));
  running++;
  try {
    return await new Promise((resolve, reject) => {
      scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  } finally {
    running--;
    queued.shift()?.();
  }
}

function encode(salt: Buffer, key: Buffer): string {
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** `scrypt$N$r$p$salt$key`: the cost travels with the hash so it can change without breaking old ones. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await derive(password, salt, COST));
}

// Checked against when there is no account or no password, so such a login costs one hash too.
const STAND_IN_HASH = encode(randomBytes(16), randomBytes(KEY_LENGTH));

/** Always derives one key, whether or not there is a hash to compare with: same time either way. */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
): Promise<boolean> {
  let parts = stored?.split('$') ?? [];
  const usable = parts.length === 6 && parts[0] === 'scrypt';
  if (!usable) parts = STAND_IN_HASH.split('$');
  const [, N, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: +N, r: +r, p: +p });
  return usable && actual.length === expected.length && timingSafeEqual(actual, expected);
}
