// `npm run bench`: prints the performance figures as a Markdown table. Timings are reported, never
// asserted (machines are noisy); sizes are deterministic, and CI checks the CDN budget (npm run size).
import { benchBrowser } from './bench-browser.mjs';
import { benchServer } from './bench-server.mjs';
import { CDN_BUNDLE, GZIP_BUDGET_BYTES, cdnSizes } from './size.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

const { raw, gzip, brotli } = cdnSizes();
const rows = [
  { name: `CDN bundle (${CDN_BUNDLE}), minified`, value: kb(raw), unit: 'raw' },
  {
    name: `CDN bundle, gzip -9 (budget ${kb(GZIP_BUDGET_BYTES)}; the legacy widget: 56.9 KB)`,
    value: kb(gzip),
    unit: 'gzip',
  },
  { name: 'CDN bundle, brotli -11', value: kb(brotli), unit: 'brotli' },
  ...(await benchBrowser()),
  ...(await benchServer()),
];
console.log('| figure | value | |');
console.log('| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.name} | ${row.value} | ${row.unit} |`);
