// `npm run bench`: prints the performance figures as Markdown tables. Timings are reported, never
// asserted (machines are noisy); sizes are deterministic, and CI checks the CDN budget (npm run size).
import { benchCompare } from './bench-compare.mjs';
import { benchServer } from './bench-server.mjs';
import { CDN_BUNDLE, GZIP_BUDGET_BYTES, cdnSizes } from './size.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

const { raw, gzip, brotli } = cdnSizes();
console.log('| figure | value |');
console.log('| --- | --- |');
console.log(`| CDN bundle (\`${CDN_BUNDLE}\`), minified | ${kb(raw)} |`);
console.log(
  `| CDN bundle, gzip -9 (budget ${kb(GZIP_BUDGET_BYTES)}, checked in CI) | ${kb(gzip)} |`,
);
console.log(`| CDN bundle, brotli -11 | ${kb(brotli)} |`);
for (const row of await benchServer()) console.log(`| ${row.name} | ${row.value} ${row.unit} |`);

const { rows, runs } = await benchCompare();
console.log(
  `\nAgainst netlify-identity-widget 2.0.3 on the same page and server: median of ${runs} cold runs each,` +
    ' interleaved, Chromium with 4x CPU throttling.\n',
);
console.log('| figure | netlify-identity-elements | netlify-identity-widget | ratio |');
console.log('| --- | --- | --- | --- |');
for (const [name, ours, legacy, ratio] of rows) {
  console.log(
    `| ${name} | ${ours} | ${legacy} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : 'n/a'} |`,
  );
}
