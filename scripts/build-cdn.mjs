// `npm run build:cdn`: the classic-script core (dist/cdn/netlify-identity.js), then each part beside
// it (vite.cdn.config.ts, one mode per part), then one script per language.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { build } from 'vite';

const MODES = ['production', 'client', 'views', 'signup', 'account', 'callback', 'providers'];

for (const mode of MODES) {
  await build({ configFile: 'vite.cdn.config.ts', mode, logLevel: 'warn' });
}

// A second minifier over Vite's output: terser's compress passes find what the first one left
// (about 1% of each file gzipped). Its source map is composed with Vite's.
for (const mode of MODES) {
  const name = mode === 'production' ? 'netlify-identity.js' : `netlify-identity-${mode}.js`;
  const file = `dist/cdn/${name}`;
  const minified = await minify(readFileSync(file, 'utf8'), {
    ecma: 2020,
    compress: { passes: 3 },
    sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), url: `${name}.map` },
  });
  writeFileSync(file, `${minified.code}\n`);
  writeFileSync(`${file}.map`, String(minified.map));
}
await import('./build-cdn-locales.mjs');
