import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { refuseCrossOrigin } from './auth.js';
import type { RequestContext, Services } from './context.js';
import { Faults } from './faults.js';
import { LOOPBACK_NAMES, createHostCheck, hostRefusal, hostnameOf } from './hosts.js';
import { HttpError, type Reply, apiError, errorReply, json, noContent, send } from './http.js';
import { Journal, type JournalEntry } from './journal.js';
import { createIdentityEvents } from './functions/events.js';
import { Mailbox } from './mail.js';
import { OAuthFlows } from './oauth-flows.js';
import type { IdentityAppOptions } from './options.js';
import { IDENTITY_PATH } from './paths.js';
import { RecoveryRequests } from './recoveries.js';
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
import { LoginThrottle } from './throttle.js';
import { UserStore } from './users.js';

export interface IdentityApp {
  /** Node request handler for any path under /.netlify/identity (404 JSON for unknown routes). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** True when the URL path starts with /.netlify/identity. */
  matches(url: string): boolean;
  /** True when the request's Host is one this server answers (else 403: DNS rebinding). */
  allowsHost(host: string | undefined): boolean;
  /** Where the server answers, once it listens: named in the data file's lock for a second start. */
  listening(url: string): void;
  readonly operatorToken: string;
  /** Writes what is pending, closes the data file and releases its lock. */
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
  const end = url.search(/[?#]/);
  const path = end < 0 ? url : url.slice(0, end);
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
  const allowsHost = createHostCheck(options.allowedHosts, configuredSiteOrigin);

  let journal: Journal | undefined;
  const record = (entry: JournalEntry) => journal?.record(entry);
  const users = new UserStore(clock, record);
  const refreshTokens = new RefreshTokens(clock, record);
  const recoveries = new RecoveryRequests(clock, record);
  const stores = [users, refreshTokens, recoveries];
  if (options.dataFile) {
    journal = new Journal(options.dataFile, {
      apply: (entry) => stores.forEach((store) => store.apply(entry)),
      *snapshot() {
        for (const store of stores) yield* store.snapshot();
      },
    });
  }

  const services: Services = {
    clock,
    users,
    accessTokens: new AccessTokens(journal?.secret ?? randomBytes(32), clock),
    refreshTokens,
    recoveries,
    loginThrottle: new LoginThrottle(options.loginThrottle, clock),
    mail: new Mailbox(clock, (mail) =>
      log(`[identity] mail "${mail.subject}" to ${mail.to}: ${mail.url}`),
    ),
    settings: defaultSettings(),
    faults: new Faults(),
    oauth: new OAuthFlows(clock),
    operatorToken,
    events: createIdentityEvents(options, operatorToken, log, logError),
    reset() {
      record({ type: 'reset' });
      for (const store of stores) store.clear();
      this.loginThrottle.clear();
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

  async function route(req: IncomingMessage): Promise<Reply> {
    const method = req.method ?? 'GET';
    const host = req.headers.host;
    if (!allowsHost(host)) throw apiError(403, hostRefusal(host));
    const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const requestOrigin = `${scheme}://${host}`;
    const url = parseRequestUrl(req.url ?? '', requestOrigin);
    const path = url.pathname.slice(IDENTITY_PATH.length) || '/';
    const origin = ownOrigin(req, scheme);
    const ctx: RequestContext = {
      req,
      url,
      path,
      params: {},
      origin,
      requestOrigin,
      siteOrigin: configuredSiteOrigin ?? origin,
      clientAddress: req.socket.remoteAddress ?? '',
    };

    if (!path.startsWith('/__dev/')) {
      const fault = services.faults.take(method, path);
      if (fault?.delay) await sleep(fault.delay);
      if (fault?.status === 204) return noContent();
      if (fault?.status) {
        return json(
          fault.status,
          fault.body ?? apiError(fault.status, 'Fault injected by __dev/faults').body,
        );
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
    return match.route.handler(ctx, services);
  }

  function failure(error: unknown): Reply {
    if (error instanceof HttpError) return errorReply(error);
    const httpError = apiError(500, 'Internal Server Error');
    logError(`[identity] error ${httpError.body.error_id}: ${(error as Error)?.stack ?? error}`);
    return errorReply(httpError);
  }

  /** Answers once what the request changed is on disk, refusals included (a revoked session). */
  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await route(req);
    } catch (error) {
      reply = failure(error);
    }
    try {
      await journal?.durable();
    } catch (error) {
      logError(`[identity] ${(error as Error).message}`);
      reply = errorReply(apiError(500, `Could not save the change: ${(error as Error).message}`));
    }
    try {
      send(res, reply, req.method);
    } catch {
      // The connection is already gone; nothing is left to answer.
      res.destroy();
    }
  }

  return {
    operatorToken,
    matches: isIdentityPath,
    allowsHost,
    functionsChecked: services.events.check(),
    async identityInfo(req, origin) {
      const bearer = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const cookie = /(?:^|;\s*)nf_jwt=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      let user: unknown;
      for (const token of [bearer, cookie]) {
        if (!token || user) continue;
        try {
          user = services.accessTokens.verify(token);
        } catch {
          // Expired or forged: no user.
        }
      }
      const info = { url: `${origin}${IDENTITY_PATH}`, token: operatorToken, user };
      return Buffer.from(JSON.stringify(info)).toString('base64');
    },
    async rolesOf(accessToken) {
      try {
        const claims = services.accessTokens.verify(accessToken);
        const roles = claims.app_metadata?.roles;
        return Array.isArray(roles) ? roles.filter((role) => typeof role === 'string') : [];
      } catch {
        return undefined;
      }
    },
    handle(req, res) {
      void dispatch(req, res);
    },
    listening(url) {
      journal?.setUrl(url);
    },
    async close() {
      journal?.close();
      journal = undefined;
    },
  };
}

/**
 * This server's own origin: the loopback name the request used (else localhost) and the port the
 * connection really reached. Never the Host header's port or a name from it that could be forged.
 */
function ownOrigin(req: IncomingMessage, scheme: string): string {
  const name = hostnameOf(req.headers.host ?? '');
  return `${scheme}://${LOOPBACK_NAMES.has(name) ? name : 'localhost'}:${req.socket.localPort}`;
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
