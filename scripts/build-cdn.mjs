// `npm run build:cdn`: the classic-script core (dist/cdn/netlify-identity.js), then each part beside
// it (vite.cdn.config.ts, one mode per part), then one script per language.
import { build } from 'vite';

for (const mode of ['production', 'client', 'views', 'signup', 'account', 'callback']) {
  await build({ configFile: 'vite.cdn.config.ts', mode, logLevel: 'warn' });
}
await import('./build-cdn-locales.mjs');
