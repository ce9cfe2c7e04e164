import type { IncomingMessage } from 'node:http';
import type { Reply } from './http.js';
import type { AccessTokens, RefreshTokens } from './tokens.js';
import type { UserStore } from './users.js';
import type { Mailbox } from './mail.js';
import type { Settings } from './settings.js';
import type { Faults } from './faults.js';
import type { OAuthFlows } from './oauth-flows.js';
import type { RecoveryRequests } from './recoveries.js';
import type { LoginThrottle } from './throttle.js';
import type { IdentityEvents } from './functions/events.js';

/** What one identity app holds; every route handler gets it. */
export interface Services {
  clock: () => number;
  users: UserStore;
  accessTokens: AccessTokens;
  refreshTokens: RefreshTokens;
  mail: Mailbox;
  settings: Settings;
  faults: Faults;
  oauth: OAuthFlows;
  recoveries: RecoveryRequests;
  loginThrottle: LoginThrottle;
  operatorToken: string;
  /** The site's Identity event functions. */
  events: IdentityEvents;
  /** Back to a fresh start: the dev `reset` endpoint. */
  reset(): void;
}

export interface RequestContext {
  req: IncomingMessage;
  url: URL;
  /** The path below /.netlify/identity, e.g. "/token". */
  path: string;
  params: Record<string, string>;
  /** This server's own origin: a loopback name and the port the connection reached. */
  origin: string;
  /** The origin the browser addressed (an allowed Host): what same-origin checks compare with. */
  requestOrigin: string;
  /** The origin mail links and OAuth returns point at: the configured site URL, else `origin`. */
  siteOrigin: string;
  /** The client's IP address, for per-client limits. */
  clientAddress: string;
}

export type Handler = (ctx: RequestContext, services: Services) => Promise<Reply>;

export interface Route {
  method: string;
  /** A path below /.netlify/identity; `:name` segments become params. */
  path: string;
  handler: Handler;
  /** Admin and dev routes: a page on another origin must not drive them. */
  sameOriginOnly?: boolean;
}
