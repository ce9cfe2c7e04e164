import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type IdentityApp, createIdentityApp } from './app.js';
import type { IdentityAppOptions, IdentityServerOptions } from './options.js';
import { hostRefusal } from './hosts.js';
import { IDENTITY_PATH } from './paths.js';
import { createSiteHandler } from './site.js';

export { createIdentityApp, IDENTITY_PATH };
export type { IdentityApp, IdentityAppOptions, IdentityServerOptions };
export type { AllowedHosts } from './hosts.js';
export type { LoginThrottleOptions, ThrottleRule } from './throttle.js';

export interface IdentityServer {
  /** http://localhost:<port> for a loopback host: pages need localhost for `secure` cookies. */
  url: string;
  port: number;
  mailboxUrl: string;
  operatorToken: string;
  app: IdentityApp;
  stop(): Promise<void>;
}

/** connect-style middleware (Vite, Express): the identity API, everything else to `next`. */
export function identityMiddleware(
  app: IdentityApp,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => (app.matches(req.url ?? '') ? app.handle(req, res) : next());
}

function refuseHost(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${hostRefusal(req.headers.host)}\n`);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::']);

/** Serves the identity API (and `root`, when given) until `stop()`. */
export async function startIdentityServer(
  options: IdentityServerOptions = {},
): Promise<IdentityServer> {
  const { port = 0, host = '127.0.0.1', root, ...appOptions } = options;
  const app = createIdentityApp(appOptions);
  const serveStatic = root ? createSiteHandler(root, appOptions, app) : undefined;

  const server = createServer((req, res) => {
    if (app.matches(req.url ?? '')) return app.handle(req, res);
    if (!app.allowsHost(req.headers.host)) return refuseHost(req, res);
    if (!serveStatic) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Not Found\n');
    }
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    // A server that cannot listen must not keep the data file locked.
    const failed = (error: Error) => void app.close().finally(() => reject(error));
    server.once('error', (error: NodeJS.ErrnoException) => {
      failed(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is already in use on ${host}: stop the other server or choose another port (--port).`,
            )
          : error,
      );
    });
    server.listen(port, host, () => resolve());
  });

  const actualPort = (server.address() as AddressInfo).port;
  const hostname = LOOPBACK_HOSTS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${hostname}:${actualPort}`;
  app.listening(url);
  return {
    url,
    port: actualPort,
    mailboxUrl: `${url}${IDENTITY_PATH}/__dev/mailbox`,
    operatorToken: app.operatorToken,
    app,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await app.close();
    },
  };
}
