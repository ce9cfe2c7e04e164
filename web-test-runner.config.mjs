// Component tests: real Chromium, real @netlify/identity, and the real local identity server mounted
// on the test runner's own origin (the browser client only talks to /.netlify/identity there).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

register();
const { createIdentityApp } = await import('./server/index.ts');
const identity = createIdentityApp({ quiet: true });
const launchOptions = await chromiumLaunchOptions();

export default {
  files: 'test/elements/**/*.test.ts',
  nodeResolve: true,
  hostname: 'localhost',
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'test/tsconfig.json', target: 'es2022' })],
  middleware: [
    // Sources import each other as .js (TypeScript's rule); the dev server resolves those for static
    // imports, but a dynamic import with a variable (the locale loader) asks for the .js itself.
    function typescriptSources(context, next) {
      const source = context.path.replace(/\.js$/, '.ts');
      if (
        context.path.startsWith('/src/') &&
        source !== context.path &&
        !existsSync(`.${context.path}`) &&
        existsSync(`.${source}`)
      ) {
        context.url = context.url.replace(context.path, source);
      }
      return next();
    },
    function operatorToken(context, next) {
      if (context.path !== '/__test__/operator-token') return next();
      context.body = identity.operatorToken;
    },
    async function identityApi(context, next) {
      if (!identity.matches(context.url)) return next();
      context.respond = false;
      await new Promise((resolve) => {
        context.res.once('close', resolve);
        identity.handle(context.req, context.res);
      });
      // Only for the runner's request log, which would otherwise report koa's default 404.
      context.status = context.res.statusCode;
    },
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions })],
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 600000,
};
