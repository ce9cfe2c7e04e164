import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'netlify-identity-elements';

/**
 * The names the CDN script loads from its own folder: itself, its parts, their source maps and the
 * languages (dist/cdn/ as the build lays it out).
 */
const CDN_NAME =
  /^\/(?:netlify-identity(?:-[a-z0-9]+)*\.js|locales\/[A-Za-z]+(?:-[A-Za-z0-9]+)*\.js)(?:\.map)?$/;

/** This package's root: found from this file (server/ in a clone, dist/server/ once built). */
function packageRoot(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (
          (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME
        )
          return folder;
      } catch {
        // Another package's unreadable manifest: keep looking upwards.
      }
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

let cdnFolder: string | null | undefined;

/** The package's own dist/cdn/, wherever the package is installed (never the current directory). */
export function packageCdnFolder(): string | null {
  if (cdnFolder === undefined) {
    const root = packageRoot();
    cdnFolder = root ? join(root, 'dist', 'cdn') : null;
  }
  return cdnFolder;
}

/** Whether the package has been built (a clone before `npm run build` has not). */
export function hasPackageBuild(): boolean {
  const folder = packageCdnFolder();
  return folder !== null && existsSync(join(folder, 'netlify-identity.js'));
}

/** Whether a site path names a file of the CDN build, whether or not the build has it. */
export function isCdnScriptPath(pathname: string): boolean {
  return CDN_NAME.test(pathname);
}

/**
 * The package's build of a CDN file the site path names (`/netlify-identity.js`, a part, a source
 * map, `/locales/fr.js`), so that a page with the script tag works with no copying; undefined for
 * any other path, or a name the build does not have.
 */
export async function packageCdnFile(pathname: string): Promise<string | undefined> {
  const folder = packageCdnFolder();
  if (!folder || !isCdnScriptPath(pathname)) return undefined;
  const file = join(folder, pathname);
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}
