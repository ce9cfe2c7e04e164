// `npm run bench`: prints the performance figures as a Markdown table. Timings are reported, never
// asserted (machines are noisy); sizes are deterministic.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { benchServer } from './bench-server.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every element with Lit, the store and @netlify/identity, minified, as the demo ships them. */
function bundleSizes() {
  const assets = join('.demo-build', 'assets');
  const script = readdirSync(assets).find((file) => file.endsWith('.js'));
  const code = readFileSync(join(assets, script));
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  return [
    {
      name: 'All elements + Lit + @netlify/identity, minified',
      value: kb(code.length),
      unit: 'raw',
    },
    {
      name: 'All elements + Lit + @netlify/identity, minified',
      value: kb(gzipSync(code, { level: 9 }).length),
      unit: 'gzip',
    },
    {
      name: 'All elements + Lit + @netlify/identity, minified',
      value: kb(brotli.length),
      unit: 'brotli',
    },
  ];
}

const rows = [...bundleSizes(), ...(await benchServer())];
console.log('| figure | value | |');
console.log('| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.name} | ${row.value} | ${row.unit} |`);
