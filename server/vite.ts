// The local identity server inside the user's own Vite dev and preview servers. `vite` is the
// user's dependency: only its types are imported here.
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createIdentityApp, identityMiddleware } from './index.js';
import type { IdentityAppOptions } from './options.js';
import { IDENTITY_PATH } from './paths.js';

export type { IdentityAppOptions };

const IDENTITY_INFO_HEADER = 'x-nf-identity-info';

/**
 * Serves a local, GoTrue-compatible Netlify Identity at `/.netlify/identity` on `vite` (dev) and
 * `vite preview`, with the mails captured in a mailbox whose URL is printed beside the server's.
 */
export function netlifyIdentity(options: IdentityAppOptions = {}): Plugin {
  function mount(server: ViteDevServer | PreviewServer, logger: Logger): void {
    const app = createIdentityApp(options);
    // Added before Vite's own middlewares, so the SPA fallback never answers an identity call.
    server.middlewares.use(identityMiddleware(app));
    // For Netlify's function runtime (@netlify/vite-plugin) in the same server: the identity it
    // gives functions is this one. A header a page sent is never trusted.
    server.middlewares.use((req, _res, next) => {
      delete req.headers[IDENTITY_INFO_HEADER];
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      app.identityInfo(req, origin).then(
        (info) => {
          req.headers[IDENTITY_INFO_HEADER] = info;
          next();
        },
        () => next(),
      );
    });
    server.httpServer?.once('close', () => void app.close());
    if (options.quiet) return;
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      const local = server.resolvedUrls?.local[0];
      if (!local) return;
      const where = options.dev === false ? IDENTITY_PATH : `${IDENTITY_PATH}/__dev/mailbox`;
      const label = options.dev === false ? 'Identity' : 'Mailbox';
      logger.info(`  ➜  ${label}: ${new URL(where, local).href}`);
    };
  }

  return {
    name: 'netlify-identity',
    configureServer(server) {
      mount(server, server.config.logger);
    },
    configurePreviewServer(server) {
      mount(server, server.config.logger);
    },
  };
}
