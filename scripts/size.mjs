// Sizes of the CDN bundle, and the budget that CI enforces (sizes are deterministic; timings are
// only reported by the benchmark).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const CDN_BUNDLE = 'dist/cdn/netlify-identity.js';
/** 25.5 KB gzipped, English and the role gate included; the legacy widget is 56.9 KB. */
export const GZIP_BUDGET_BYTES = 25_500;

export function cdnSizes(file = CDN_BUNDLE) {
  const code = readFileSync(file);
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { raw, gzip, brotli } = cdnSizes();
  console.log(`${CDN_BUNDLE}: ${raw} bytes, ${gzip} gzip, ${brotli} brotli`);
  if (gzip > GZIP_BUDGET_BYTES) {
    console.error(`Over budget: ${gzip} bytes gzipped > ${GZIP_BUDGET_BYTES}.`);
    process.exit(1);
  }
  console.log(
    `Within the budget of ${GZIP_BUDGET_BYTES} bytes gzipped (${GZIP_BUDGET_BYTES - gzip} to spare).`,
  );
}
