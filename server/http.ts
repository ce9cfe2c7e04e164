import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LIMITS, jsonDepth } from './limits.js';

/** GoTrue answers every refusal in one of two shapes; an HttpError carries the finished answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.msg ?? body.error_description ?? body.error ?? status));
  }
}

/** `{code, msg}`: the shape of every endpoint but /token. Server errors carry an error_id to quote. */
export function apiError(status: number, msg: string): HttpError {
  const body: Record<string, unknown> = { code: status, msg };
  if (status >= 500) body.error_id = randomUUID();
  return new HttpError(status, body);
}

/** `{error, error_description}`: /token's OAuth shape, always sent with status 400. */
export function oauthError(error: string, description: string): HttpError {
  return new HttpError(400, { error, error_description: description });
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > LIMITS.bodyBytes) throw bodyTooLarge(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > LIMITS.bodyBytes) throw bodyTooLarge(req);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function bodyTooLarge(req: IncomingMessage): HttpError {
  // The rest of the upload is drained, not read, so the client still gets to see the answer.
  req.resume();
  return new HttpError(
    413,
    { code: 413, msg: `Request body too large: at most ${LIMITS.bodyBytes} bytes` },
    { Connection: 'close' },
  );
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The JSON object of a request body; `{}` for an empty body. `what` names the params in the
 * message, as GoTrue does ("Could not read Signup params: ...").
 */
export async function readJson(
  req: IncomingMessage,
  what: string,
): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (raw.length === 0) return {};
  const type = mediaType(req);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw apiError(415, 'Content-Type must be application/json');
  }
  const text = raw.toString('utf8');
  if (jsonDepth(text) > LIMITS.jsonDepth) {
    throw apiError(
      400,
      `Could not read ${what}: JSON nested deeper than ${LIMITS.jsonDepth} levels`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw apiError(400, `Could not read ${what}: ${(error as Error).message}`);
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw apiError(400, `Could not read ${what}: expected a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const raw = await readBody(req);
  if (raw.length > 0 && mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw oauthError('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  return new URLSearchParams(raw.toString('utf8'));
}

/** Typed reads of JSON fields: a wrong type is a 400, like Go's decoder refusing it. */
export class Params {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly what: string,
  ) {}

  string(name: string): string {
    const value = this.body[name];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw this.wrongType(name, 'a string');
    return value;
  }

  boolean(name: string): boolean {
    const value = this.body[name];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw this.wrongType(name, 'a boolean');
    return value;
  }

  /** An object, or undefined when absent or null (Go's nil map). */
  object(name: string): Record<string, unknown> | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw this.wrongType(name, 'an object');
    return value as Record<string, unknown>;
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  private wrongType(name: string, expected: string): HttpError {
    return apiError(400, `Could not read ${this.what}: ${name} must be ${expected}`);
  }
}

/** A finished answer: handlers return one, and it is sent once the changes it reports are on disk. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const API_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-store',
};

/** Serialized here, in the handler, so a body that cannot be serialized is a 500 and not a reset. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { ...API_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function noContent(): Reply {
  return { status: 204, headers: { 'Cache-Control': 'no-store' } };
}

export function errorReply(error: HttpError): Reply {
  return json(error.status, error.body, error.headers);
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

export function html(status: number, text: string): Reply {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The server's own pages need no script and only their own stylesheet.
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'",
    },
    body: text,
  };
}

export function send(res: ServerResponse, reply: Reply, method = 'GET'): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.body !== undefined) headers['Content-Length'] = Buffer.byteLength(reply.body);
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : reply.body);
}
