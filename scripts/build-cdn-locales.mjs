// Writes dist/cdn/locales/<code>.js: one small classic script per language, loaded on demand by the
// CDN bundle from beside itself. Each hands its messages to the bundle through a global hook.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const { SUPPORTED_LOCALES } = await import(pathToFileURL('dist/localize/locales.js').href);
const folder = join('dist', 'cdn', 'locales');
mkdirSync(folder, { recursive: true });
for (const code of SUPPORTED_LOCALES) {
  if (code === 'en') continue;
  const { messages } = await import(pathToFileURL(join('dist', 'locales', `${code}.js`)).href);
  const script =
    `(function(){var r=globalThis[Symbol.for('netlify-identity-elements.register-locale')];` +
    `r&&r(${JSON.stringify(code)},${JSON.stringify(messages)})})();\n`;
  writeFileSync(join(folder, `${code}.js`), script);
}
console.log(`${SUPPORTED_LOCALES.length - 1} locale files in ${folder}`);
