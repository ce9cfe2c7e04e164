// What an app pays for each entry point of the npm build: a Vite app importing only that entry,
// built for production. "Initial" is the entry chunk and what it imports statically (what the page
// loads before it runs); "total" adds the chunks it can load later (client, modal, views), and the
// languages, one chunk each, are counted apart.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const ENTRY_POINTS = [
  'netlify-identity-elements',
  'netlify-identity-elements/menu',
  'netlify-identity-elements/button',
  'netlify-identity-elements/login',
  'netlify-identity-elements/signup',
  'netlify-identity-elements/account',
  'netlify-identity-elements/auth-callback',
  'netlify-identity-elements/store',
];

const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

async function measureEntry(entry) {
  // Inside the repository, so that the package's own name resolves to its npm build (dist/).
  mkdirSync('.scratch', { recursive: true });
  const app = mkdtempSync(join('.scratch', 'entry-'));
  try {
    writeFileSync(
      join(app, 'main.js'),
      `import * as entry from '${entry}';\nconsole.log(entry);\n`,
    );
    writeFileSync(join(app, 'index.html'), '<script type="module" src="./main.js"></script>\n');
    const outDir = resolve(app, 'dist');
    await build({
      root: resolve(app),
      configFile: false,
      logLevel: 'silent',
      build: { outDir, manifest: true, target: 'es2022', modulePreload: false },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
    const initial = new Set();
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || initial.has(chunk.file)) return;
      initial.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit('index.html');
    // The languages (one chunk each, loaded only for a page in that language) are counted apart.
    const chunks = Object.values(manifest);
    const isLanguage = (chunk) => /(^|\/)locales\/[\w-]+\.js$/.test(chunk.src ?? '');
    const all = new Set(chunks.filter((chunk) => !isLanguage(chunk)).map((chunk) => chunk.file));
    const languages = chunks.filter(isLanguage).length;
    const sum = (files) =>
      [...files]
        .filter((file) => file.endsWith('.js'))
        .reduce((total, file) => total + gzip(join(outDir, file)), 0);
    return { entry, initial: sum(initial), total: sum(all), chunks: all.size, languages };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

export async function benchEntries() {
  const rows = [];
  for (const entry of ENTRY_POINTS) rows.push(await measureEntry(entry));
  return rows;
}

/** The table of `npm run bench`, as Markdown lines. */
export function entriesTable(rows) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  return [
    '| entry point | initial chunk, gzip | all it can load but languages, gzip | chunks (+ languages) |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| \`${row.entry}\` | ${kb(row.initial)} | ${kb(row.total)} | ${row.chunks} (+ ${row.languages}) |`,
    ),
  ];
}

if (process.argv[1]?.endsWith('bench-entries.mjs')) {
  console.log(entriesTable(await benchEntries()).join('\n'));
}
