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
 * role gate, which must render from the stored session at once like the menu, and the menu's
 * account button, the data-attribute elements' theme (`init({ theme })`), the menu's one-line
 * labels, and the mounting of data-attribute nodes while the page is still parsing (9.61 KB). Its
 * elements adopt constructed sheets without Lit's css-tag; the English of the errors read from the
 * server's answers comes with the client part. The issue's target for the core is 10 KB.
 */
export const CORE_BUDGET_BYTES = 9_700;
/**
 * What a first visit downloads with no interaction: the core, then the views part the idle
 * preload fetches (Lit, the modal, the login view), 22.92 KB; with the settings answer, about
 * 0.1 KB, 23.0 KB. Of the views part's 13.3 KB, Lit takes 5.7 KB (lit-html 3.1, ReactiveElement
 * 2.2, LitElement 0.4), the modal and its styles 2.2 KB, the form styles 1.3 KB, the login view
 * 1.1 KB and its form base 1.1 KB.
 */
export const FIRST_VISIT_FILES = [CDN_BUNDLE, `${CDN_FOLDER}/netlify-identity-views.js`];
export const FIRST_VISIT_BUDGET_BYTES = 23_000;
/** A site that enables an OAuth provider also fetches the providers' marks, once its settings say so. */
export const PROVIDERS_PART = `${CDN_FOLDER}/netlify-identity-providers.js`;
export const PROVIDERS_BUDGET_BYTES = 1_650;

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
  check(
    'Providers part (sites with OAuth providers only)',
    fileSizes(PROVIDERS_PART).gzip,
    PROVIDERS_BUDGET_BYTES,
  );
  if (failed) process.exit(1);
}
