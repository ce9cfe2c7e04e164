import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type IdentityEventName = 'validate' | 'signup' | 'login' | 'modified' | 'deleted';

/** The handler object's method for each event. */
export const HANDLER_METHODS: Record<IdentityEventName, string> = {
  validate: 'userValidate',
  signup: 'userSignup',
  login: 'userLogin',
  modified: 'userModified',
  deleted: 'userDeleted',
};

/** Events that the older, file-named kind can handle (`identity-<event>`). */
const FILE_NAMED_EVENTS: ReadonlySet<IdentityEventName> = new Set(['validate', 'signup', 'login']);

const EXTENSIONS = ['.mts', '.ts', '.mjs', '.js', '.cjs'];

export interface FunctionFile {
  /** The function's name: its file name without the extension, or its folder's name. */
  name: string;
  file: string;
}

export interface EventFunction extends FunctionFile {
  kind: 'file-named' | 'handler-object';
  /** The file-named kind's `-background` suffix; the handler kind says so in its `config`. */
  background: boolean;
}

/** Every function in `dir`: `name.ext`, `name/name.ext` or `name/index.ext`, as Netlify finds them. */
export function listFunctions(dir: string): FunctionFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const found = new Map<string, FunctionFile>();
  for (const entry of entries) {
    const path = join(dir, entry);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info?.isDirectory()) {
      const file = EXTENSIONS.flatMap((ext) => [
        join(path, `${entry}${ext}`),
        join(path, `index${ext}`),
      ]).find((candidate) => existsSync(candidate));
      if (file) found.set(entry, { name: entry, file });
      continue;
    }
    const ext = EXTENSIONS.find((candidate) => entry.endsWith(candidate));
    if (!info?.isFile() || !ext || entry.endsWith('.d.ts') || entry.endsWith('.d.mts')) continue;
    const name = entry.slice(0, -ext.length);
    if (!found.has(name)) found.set(name, { name, file: path });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function fileNamedEvent(
  name: string,
): { event: IdentityEventName; background: boolean } | undefined {
  const match = /^identity-(validate|signup|login)(-background)?$/.exec(name);
  return match
    ? { event: match[1] as IdentityEventName, background: match[2] !== undefined }
    : undefined;
}

function mentions(file: string, method: string): boolean {
  try {
    return new RegExp(`\\b${method}\\b`).test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The functions that may handle `event`, in the order they run: by name, as the platform lists
 * them. A handler object is recognised by its method's name in the source; loading it confirms.
 */
export function eventFunctions(
  dir: string | undefined,
  event: IdentityEventName,
  { fileNamed }: { fileNamed: boolean },
): EventFunction[] {
  if (!dir) return [];
  const result: EventFunction[] = [];
  for (const fn of listFunctions(dir)) {
    const named = fileNamedEvent(fn.name);
    if (named) {
      if (fileNamed && named.event === event && FILE_NAMED_EVENTS.has(event)) {
        result.push({ ...fn, kind: 'file-named', background: named.background });
      }
    } else if (mentions(fn.file, HANDLER_METHODS[event])) {
      result.push({ ...fn, kind: 'handler-object', background: false });
    }
  }
  return result;
}

/** Every function that takes part in Identity events, for the check at start. */
export function allEventFunctions(dir: string | undefined): EventFunction[] {
  if (!dir) return [];
  const methods = Object.values(HANDLER_METHODS);
  return listFunctions(dir).flatMap((fn): EventFunction[] => {
    const named = fileNamedEvent(fn.name);
    if (named) return [{ ...fn, kind: 'file-named', background: named.background }];
    return methods.some((method) => mentions(fn.file, method))
      ? [{ ...fn, kind: 'handler-object', background: false }]
      : [];
  });
}
