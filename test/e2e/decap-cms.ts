// The real Decap CMS build (`dist/decap-cms.js` of the `decap-cms` package, what sites load from
// unpkg), fetched once from the npm registry into node_modules/.cache. Only its tarball: installing
// the package would pull React and hundreds of dependencies.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pinned like a lockfile entry; npm checks the tarball against the registry's integrity. */
export const DECAP_VERSION = '3.16.3';
const CACHE = resolve('node_modules/.cache/decap-cms');
const FOLDER = join(CACHE, DECAP_VERSION);

export type DecapBuild = { folder: string } | { unavailable: string };

/**
 * The folder holding decap-cms.js and the chunks it loads beside itself, downloaded on first use.
 * `unavailable` says why it could not be fetched (no registry); in CI that throws instead.
 */
export async function decapBuild(): Promise<DecapBuild> {
  if (existsSync(join(FOLDER, 'decap-cms.js'))) return { folder: FOLDER };
  mkdirSync(CACHE, { recursive: true });
  // Two test workers may fetch at once: each works in its own folder, the first rename wins.
  const work = mkdtempSync(join(CACHE, 'download-'));
  try {
    const { stdout } = await run(
      'npm',
      [
        'pack',
        `decap-cms@${DECAP_VERSION}`,
        '--pack-destination',
        work,
        '--json',
        '--ignore-scripts',
      ],
      { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: Error & { stderr?: string }) => {
      const said = (error.stderr ?? '')
        .split('\n')
        .filter((line) => line.startsWith('npm error') && !line.includes('complete log'))
        .slice(0, 2)
        .join('; ');
      const reason = `decap-cms@${DECAP_VERSION} could not be fetched from the npm registry (${said || error.message})`;
      throw Object.assign(new Error(reason), { unreachable: true });
    });
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    // The main script and its webpack chunks (locales and widgets it loads from its own folder).
    await run('tar', [
      '-xzf',
      join(work, filename),
      '-C',
      work,
      '--wildcards',
      'package/dist/*decap-cms.js',
    ]);
    if (!existsSync(join(work, 'package/dist/decap-cms.js'))) {
      throw new Error(`decap-cms@${DECAP_VERSION} has no dist/decap-cms.js`);
    }
    try {
      renameSync(join(work, 'package/dist'), FOLDER);
    } catch (error) {
      if (!existsSync(join(FOLDER, 'decap-cms.js'))) throw error;
    }
    return { folder: FOLDER };
  } catch (error) {
    if ((error as { unreachable?: boolean }).unreachable && !process.env.CI) {
      return { unavailable: (error as Error).message };
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
