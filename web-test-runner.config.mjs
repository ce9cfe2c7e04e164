// Component tests: real Chromium, Firefox and WebKit, real @netlify/identity, and the real local
// identity server mounted on the test runner's own origin (the browser client only talks to
// /.netlify/identity there). TEST_BROWSERS=chromium,firefox picks engines; all three by default.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';
import { findFirefox, requireEngines, selectedEngines } from './scripts/browsers.mjs';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { startWebKitDriver } from './scripts/webkit.mjs';

register();
const { createIdentityApp } = await import('./server/index.ts');

const engines = selectedEngines();
await requireEngines(engines);

// One server per engine: the tests reset it and count its mails, and engines may run side by side.
const identities = new Map(engines.map((engine) => [engine, createIdentityApp({ quiet: true })]));
function identityFor(context) {
  const agent = context.get('user-agent');
  const engine = /Firefox\//.test(agent)
    ? 'firefox'
    : /Chrome\//.test(agent)
      ? 'chromium'
      : 'webkit';
  return identities.get(engine) ?? identities.values().next().value;
}

/** MiniBrowser through WebKitWebDriver, with its own Xvfb; both stop with the runner. */
class WebKitLauncher extends WebdriverLauncher {
  #webkit;

  constructor() {
    super({ capabilities: { browserName: 'WebKit' } });
  }

  async initialize(config) {
    this.#webkit = await startWebKitDriver();
    Object.assign(this.options, this.#webkit.remoteOptions);
    await super.initialize(config);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    this.#webkit?.stop();
  }
}

const launchers = {
  chromium: async () =>
    playwrightLauncher({ product: 'chromium', launchOptions: await chromiumLaunchOptions() }),
  firefox: async () =>
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: findFirefox(),
        headless: true,
        protocol: 'webDriverBiDi',
      },
    }),
  webkit: async () => new WebKitLauncher(),
};

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
      context.body = identityFor(context).operatorToken;
    },
    async function identityApi(context, next) {
      const identity = identityFor(context);
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
  browsers: await Promise.all(engines.map((engine) => launchers[engine]())),
  testFramework: { config: { timeout: 15000 } },
  // Generous: a browser on a busy two-core CI machine can take more than the default 30 s to open a page.
  browserStartTimeout: 120000,
  testsFinishTimeout: 600000,
};
