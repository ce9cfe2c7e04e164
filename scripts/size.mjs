// Sizes of the CDN bundle and its parts, and the budgets that CI enforces (sizes are
// deterministic; timings are only reported by the benchmark).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const CDN_FOLDER = 'dist/cdn';
export const CDN_BUNDLE = `${CDN_FOLDER}/netlify-identity.js`;
/** The parts beside it, loaded on demand. */
export const CDN_PARTS = ['views', 'signup', 'account', 'callback', 'client', 'providers'].map(
  (part) => `${CDN_FOLDER}/netlify-identity-${part}.js`,
);
/**
 * What runs before "Log in" is usable: the core script, English of its own elements included, the
 * role gate (0.3 KB), which must render from the stored session at once like the menu, and the
 * menu's account button.
 */
export const CORE_BUDGET_BYTES = 10_300;
/**
 * What a first visit downloads with no interaction: the core, then the views part the idle
 * preload fetches (with the settings answer, about 0.1 KB, it is 25.2 KB). The login
 * view's provider marks, password toggle and hints take 2.6 KB of it. Mail links opened in a tab
 * already on the site (the hash changes, no reload) take 56 bytes of the core.
 */
export const FIRST_VISIT_FILES = [CDN_BUNDLE, `${CDN_FOLDER}/netlify-identity-views.js`];
export const FIRST_VISIT_BUDGET_BYTES = 25_100;

export function fileSizes(file) {
  const code = readFileSync(file);
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sizes of the core script (kept for the benchmark's table). */
export const cdnSizes = (file = CDN_BUNDLE) => fileSizes(file);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const file of [CDN_BUNDLE, ...CDN_PARTS]) {
    const { raw, gzip, brotli } = fileSizes(file);
    console.log(`${file}: ${raw} bytes, ${gzip} gzip, ${brotli} brotli`);
  }
  const check = (what, bytes, budget) => {
    if (bytes > budget) {
      console.error(`Over budget: ${what} is ${bytes} bytes gzipped > ${budget}.`);
      failed = true;
    } else {
      console.log(
        `${what}: ${bytes} bytes gzipped, within ${budget} (${budget - bytes} to spare).`,
      );
    }
  };
  check('Core', fileSizes(CDN_BUNDLE).gzip, CORE_BUDGET_BYTES);
  check(
    'First visit (core + views part)',
    FIRST_VISIT_FILES.reduce((sum, file) => sum + fileSizes(file).gzip, 0),
    FIRST_VISIT_BUDGET_BYTES,
  );
  if (failed) process.exit(1);
}
