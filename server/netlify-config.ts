import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'smol-toml';

/** What the local server reads from a site's netlify.toml. */
export interface NetlifyConfig {
  /** The file, when there is one. */
  path?: string;
  /** `[functions] directory` (or the older `[build] functions`), resolved against the file's folder. */
  functionsDirectory?: string;
  /** Why the file could not be read, when it could not. */
  error?: string;
}

/** Reads `netlify.toml` in `projectRoot`; a missing file is no error, a broken one is reported. */
export function readNetlifyConfig(projectRoot: string): NetlifyConfig {
  const path = join(projectRoot, 'netlify.toml');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const config = parse(text) as {
      functions?: { directory?: unknown };
      build?: { functions?: unknown };
    };
    const directory = config.functions?.directory ?? config.build?.functions;
    return {
      path,
      functionsDirectory:
        typeof directory === 'string' ? resolve(dirname(path), directory) : undefined,
    };
  } catch (error) {
    return { path, error: `${path}: ${(error as Error).message}` };
  }
}
