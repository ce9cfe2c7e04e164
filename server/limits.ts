import { apiError } from './http.js';

/** What one request or one account may carry: enough for any real use, small enough to stay fast. */
export const LIMITS = {
  /** Request bodies: user metadata is capped far below this, so nothing legitimate comes close. */
  bodyBytes: 64 * 1024,
  /** Nesting of a JSON body, the body object itself counting as one. */
  jsonDepth: 32,
  /** RFC 5321: a whole address, and its local part. */
  emailLength: 254,
  emailLocalPartLength: 64,
  /** Each of user_metadata and app_metadata, as JSON. Both ride in every access token and cookie. */
  metadataBytes: 16 * 1024,
  /** Mails kept per address, and in all: the oldest are dropped. */
  mailsPerAddress: 20,
  mails: 1000,
};

/** Refuses metadata whose JSON is over the limit; `name` is the field the client sent. */
export function checkMetadataSize(name: string, metadata: Record<string, unknown> | null): void {
  if (!metadata) return;
  const bytes = Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  if (bytes > LIMITS.metadataBytes) {
    throw apiError(422, `${name} is too large: ${bytes} bytes, at most ${LIMITS.metadataBytes}`);
  }
}

/**
 * The deepest nesting of objects and arrays in a JSON text, found in one pass without parsing,
 * so a hostile body never reaches a recursive parser or serializer.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}
