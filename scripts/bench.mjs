// `npm run bench`: prints the performance figures as Markdown tables. Timings are reported, never
// asserted (machines are noisy); sizes are deterministic, and CI checks the CDN budget (npm run size).
import { benchCompare } from './bench-compare.mjs';
import { benchEntries, entriesTable } from './bench-entries.mjs';
import { benchServer } from './bench-server.mjs';
import {
  CDN_BUNDLE,
  CDN_PARTS,
  CORE_BUDGET_BYTES,
  FIRST_VISIT_BUDGET_BYTES,
  FIRST_VISIT_FILES,
  fileSizes,
} from './size.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

// The browser comparison first: the server benchmark's password hashing keeps the CPU busy for a
// while after it ends, and the page timings want a quiet machine.
const { rows, runs } = await benchCompare();
const serverRows = await benchServer();

const core = fileSizes(CDN_BUNDLE);
console.log('| figure | value |');
console.log('| --- | --- |');
console.log(
  `| CDN core (\`${CDN_BUNDLE}\`), minified / gzip -9 (budget ${kb(CORE_BUDGET_BYTES)}, checked in CI) / brotli -11 | ${kb(core.raw)} / ${kb(core.gzip)} / ${kb(core.brotli)} |`,
);
for (const part of CDN_PARTS) {
  const { raw, gzip, brotli } = fileSizes(part);
  console.log(
    `| part \`${part}\`, minified / gzip -9 / brotli -11 | ${kb(raw)} / ${kb(gzip)} / ${kb(brotli)} |`,
  );
}
const firstVisit = FIRST_VISIT_FILES.reduce((sum, file) => sum + fileSizes(file).gzip, 0);
console.log(
  `| CDN first visit, core + views part, gzip -9 (budget ${kb(FIRST_VISIT_BUDGET_BYTES)}, checked in CI) | ${kb(firstVisit)} |`,
);
for (const row of serverRows) console.log(`| ${row.name} | ${row.value} ${row.unit} |`);

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

console.log(
  '\nnpm build: a Vite app that imports one entry point and nothing else, built for production.\n',
);
console.log(entriesTable(await benchEntries()).join('\n'));
