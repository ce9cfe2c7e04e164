import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { refuseCrossOrigin } from './auth.js';
import type { RequestContext, Services } from './context.js';
import { Faults } from './faults.js';
import { createIdentityEvents } from './functions/events.js';
import { HttpError, apiError, sendError, sendJson, sendNoContent } from './http.js';
import { Mailbox } from './mail.js';
import { OAuthFlows } from './oauth-flows.js';
import type { IdentityAppOptions } from './options.js';
import { IDENTITY_PATH } from './paths.js';
import { DataFileWriter, loadDataFile } from './persistence.js';
import { Router } from './router.js';
import { adminRoutes } from './routes/admin.js';
import { devRoutes } from './routes/dev.js';
import { inviteRoutes } from './routes/invite.js';
import { logoutRoutes } from './routes/logout.js';
import { oauthRoutes } from './routes/oauth.js';
import { pageRoutes } from './routes/pages.js';
import { recoverRoutes } from './routes/recover.js';
import { settingsRoutes } from './routes/settings.js';
import { signupRoutes } from './routes/signup.js';
import { tokenRoutes } from './routes/token.js';
import { userRoutes } from './routes/user.js';
import { verifyRoutes } from './routes/verify.js';
import { defaultSettings } from './settings.js';
import { AccessTokens, DEFAULT_ACCESS_TOKEN_SECONDS, RefreshTokens } from './tokens.js';
import { UserStore } from './users.js';

export interface IdentityApp {
  /** Node request handler for any path under /.netlify/identity (404 JSON for unknown routes). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** True when the URL path starts with /.netlify/identity. */
  matches(url: string): boolean;
  readonly operatorToken: string;
  /** Writes pending changes to the data file. */
  close(): Promise<void>;
  /** Settles once the site's event functions have been loaded once and any broken one reported. */
  readonly functionsChecked: Promise<void>;
  /** The `app_metadata.roles` of a valid access token (signature and expiry); undefined otherwise. */
  rolesOf(accessToken: string): Promise<string[] | undefined>;
  /**
   * What Netlify's function runtime reads from the `X-Nf-Identity-Info` header (base64 JSON): this
   * server's URL, an admin token, and the claims of the request's valid `nf_jwt` cookie or bearer.
   */
  identityInfo(req: IncomingMessage, origin: string): Promise<string>;
}

export function isIdentityPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0]!;
  return path === IDENTITY_PATH || path.startsWith(`${IDENTITY_PATH}/`);
}

export function createIdentityApp(options: IdentityAppOptions = {}): IdentityApp {
  const clock = options.clock ?? (() => Date.now());
  const logger = options.logger ?? (options.quiet ? undefined : console);
  const log = (line: string): void => logger?.log(line);
  const logError = (line: string): void => logger?.error(line);
  const dev = options.dev ?? true;
  const operatorToken =
    options.operatorToken ||
    process.env.IDENTITY_OPERATOR_TOKEN ||
    randomBytes(24).toString('base64url');
  const configuredSiteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;

  const stored = options.dataFile ? loadDataFile(options.dataFile) : undefined;
  const secret = stored ? Buffer.from(stored.secret, 'base64') : randomBytes(32);
  let writer: DataFileWriter | undefined;
  const persist = () => writer?.schedule();

  const users = new UserStore(clock, persist);
  const refreshTokens = new RefreshTokens(clock, persist);
  if (stored) {
    users.restore(stored.users);
    refreshTokens.restore(stored.refreshTokens);
  }
  if (options.dataFile) {
    writer = new DataFileWriter(
      options.dataFile,
      () => ({
        version: 1,
        secret: secret.toString('base64'),
        users: users.snapshot(),
        refreshTokens: refreshTokens.snapshot(),
      }),
      logError,
    );
    // The secret is written at once, so tokens issued before a crash still verify after it.
    if (!stored) writer.schedule();
  }

  const services: Services = {
    clock,
    users,
    accessTokens: new AccessTokens(secret, clock),
    refreshTokens,
    mail: new Mailbox(clock, (mail) =>
      log(`[identity] mail "${mail.subject}" to ${mail.to}: ${mail.url}`),
    ),
    settings: defaultSettings(),
    faults: new Faults(),
    oauth: new OAuthFlows(clock),
    operatorToken,
    events: createIdentityEvents(options, operatorToken, log, logError),
    reset() {
      users.clear();
      refreshTokens.clear();
      this.mail.clear();
      this.faults.clear();
      this.oauth.clear();
      this.settings = defaultSettings();
      this.accessTokens.lifetimeSeconds = DEFAULT_ACCESS_TOKEN_SECONDS;
    },
  };

  const router = new Router();
  router.add([
    ...settingsRoutes,
    ...signupRoutes,
    ...tokenRoutes,
    ...verifyRoutes,
    ...recoverRoutes,
    ...userRoutes,
    ...logoutRoutes,
    ...oauthRoutes,
    ...inviteRoutes,
    ...adminRoutes,
    ...pageRoutes,
  ]);
  if (dev) router.add(devRoutes);

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const origin = `${scheme}://${req.headers.host ?? 'localhost'}`;
    const url = parseRequestUrl(req.url ?? '', origin);
    const path = url.pathname.slice(IDENTITY_PATH.length) || '/';
    const ctx: RequestContext = {
      req,
      res,
      url,
      path,
      params: {},
      origin: url.origin,
      siteOrigin: configuredSiteOrigin ?? url.origin,
    };

    if (!path.startsWith('/__dev/')) {
      const fault = services.faults.take(method, path);
      if (fault?.delay) await sleep(fault.delay);
      if (fault?.status === 204) return sendNoContent(res);
      if (fault?.status) {
        const body = fault.body ?? apiError(fault.status, 'Fault injected by __dev/faults').body;
        return sendJson(res, fault.status, body);
      }
    }

    const match = router.match(method, path);
    if (!match) throw apiError(404, 'Not Found');
    if ('allowedMethods' in match) {
      throw new HttpError(
        405,
        { code: 405, msg: 'Method Not Allowed' },
        { Allow: match.allowedMethods.join(', ') },
      );
    }
    ctx.params = match.params;
    if (match.route.sameOriginOnly) refuseCrossOrigin(ctx);
    await match.route.handler(ctx, services);
  }

  function fail(res: ServerResponse, error: unknown): void {
    const httpError = error instanceof HttpError ? error : apiError(500, 'Internal Server Error');
    if (!(error instanceof HttpError)) {
      logError(`[identity] error ${httpError.body.error_id}: ${(error as Error)?.stack ?? error}`);
    }
    try {
      if (res.headersSent) res.destroy();
      else sendError(res, httpError);
    } catch {
      // The connection is already gone; nothing is left to answer.
      res.destroy();
    }
  }

  return {
    operatorToken,
    matches: isIdentityPath,
    functionsChecked: services.events.check(),
    async identityInfo(req, origin) {
      const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const cookie = /(?:^|;\s*)nf_jwt=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      let user: unknown;
      for (const token of [bearer, cookie]) {
        if (!token || user) continue;
        user = await services.accessTokens.verify(token).catch(() => undefined);
      }
      const info = { url: `${origin}${IDENTITY_PATH}`, token: operatorToken, user };
      return Buffer.from(JSON.stringify(info)).toString('base64');
    },
    async rolesOf(accessToken) {
      try {
        const claims = await services.accessTokens.verify(accessToken);
        const roles = claims.app_metadata?.roles;
        return Array.isArray(roles) ? roles.filter((role) => typeof role === 'string') : [];
      } catch {
        return undefined;
      }
    },
    handle(req, res) {
      dispatch(req, res).catch((error: unknown) => fail(res, error));
    },
    async close() {
      await writer?.flush();
    },
  };
}

function parseRequestUrl(raw: string, origin: string): URL {
  // Only origin-form targets ("/path?query"): anything else could rewrite the URL's host.
  if (!raw.startsWith('/') || raw.startsWith('//')) throw apiError(400, 'Bad Request');
  try {
    return new URL(raw, origin);
  } catch {
    throw apiError(400, 'Bad Request');
  }
}
