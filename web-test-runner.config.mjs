// Component tests: real Chromium, real @netlify/identity, and the real local identity server mounted
// on the test runner's own origin (the browser client only talks to /.netlify/identity there).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
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
    function identityApi(context, next) {
      if (!identity.matches(context.url)) return next();
      context.respond = false;
      identity.handle(context.req, context.res);
    },
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions })],
  testFramework: { config: { timeout: 15000 } },
};
