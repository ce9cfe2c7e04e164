import { apiError } from './http.js';

/** A scripted misbehaviour for the next `count` requests to `path`, for testing clients. */
export interface Fault {
  path: string;
  method?: string;
  status?: number;
  body?: unknown;
  delay: number;
  count: number;
}

const MAX_DELAY_MS = 5 * 60 * 1000;

export function parseFault(body: Record<string, unknown>): Fault {
  const { path, method, status, delay = 0, count = 1 } = body;
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw apiError(422, 'path must be a string starting with "/", relative to /.netlify/identity');
  }
  if (method !== undefined && typeof method !== 'string')
    throw apiError(422, 'method must be a string');
  if (status !== undefined && !(Number.isInteger(status) && +status! >= 200 && +status! <= 599)) {
    throw apiError(422, 'status must be an HTTP status from 200 to 599');
  }
  if (typeof delay !== 'number' || !(delay >= 0 && delay <= MAX_DELAY_MS)) {
    throw apiError(422, `delay must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
  }
  if (!Number.isInteger(count) || (count as number) < 1) {
    throw apiError(422, 'count must be a positive integer');
  }
  return {
    path,
    method: method?.toUpperCase(),
    status: status as number | undefined,
    body: body.body,
    delay,
    count: count as number,
  };
}

export class Faults {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The first fault matching this request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.path === path && (!f.method || f.method === method));
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count === 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}
