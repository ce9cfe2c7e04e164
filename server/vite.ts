// The local identity server inside the user's own Vite dev and preview servers. `vite` is the
// user's dependency: only its types are imported here.
import type { Logger, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { type IdentityApp, createIdentityApp, isIdentityPath } from './app.js';
import type { AllowedHosts } from './hosts.js';
import type { IdentityAppOptions } from './options.js';
import { IDENTITY_PATH } from './paths.js';

export type { AllowedHosts, IdentityAppOptions };

const IDENTITY_INFO_HEADER = 'x-nf-identity-info';

/**
 * Serves a local, GoTrue-compatible Netlify Identity at `/.netlify/identity` on `vite` (dev) and
 * `vite preview`, with the mails captured in a mailbox whose URL is printed beside the server's.
 */
export function netlifyIdentity(options: IdentityAppOptions = {}): Plugin {
  function mount(
    server: ViteDevServer | PreviewServer,
    logger: Logger,
    viteAllowedHosts: AllowedHosts | undefined,
  ): void {
    // Vite's own server.allowedHosts (or preview.allowedHosts) count too, as the plugin's option.
    const allowedHosts =
      options.allowedHosts === true || viteAllowedHosts === true
        ? true
        : [...(options.allowedHosts ?? []), ...(viteAllowedHosts ?? [])];
    // Opened once the server listens (or at the first request in middleware mode): on a restart
    // Vite creates the new server before closing the old, which still holds the data file's lock.
    let app: IdentityApp | undefined;
    const open = () => (app ??= createIdentityApp({ ...options, allowedHosts }));
    // Added before Vite's own middlewares, so the SPA fallback never answers an identity call.
    server.middlewares.use((req, res, next) =>
      isIdentityPath(req.url ?? '') ? open().handle(req, res) : next(),
    );
    // For Netlify's function runtime (@netlify/vite-plugin) in the same server: the identity it
    // gives functions is this one. A header a page sent is never trusted, nor a Host of another site.
    server.middlewares.use((req, _res, next) => {
      delete req.headers[IDENTITY_INFO_HEADER];
      const identity = open();
      if (!identity.allowsHost(req.headers.host)) return next();
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      identity.identityInfo(req, origin).then(
        (info) => {
          req.headers[IDENTITY_INFO_HEADER] = info;
          next();
        },
        () => next(),
      );
    });
    server.httpServer?.once('close', () => void app?.close());
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address();
      if (address && typeof address === 'object')
        open().listening(`http://localhost:${address.port}`);
    });
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
      mount(server, server.config.logger, server.config.server.allowedHosts);
    },
    configurePreviewServer(server) {
      mount(server, server.config.logger, server.config.preview.allowedHosts);
    },
  };
}
