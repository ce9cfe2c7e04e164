import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessTokens, RefreshTokens } from './tokens.js';
import type { UserStore } from './users.js';
import type { Mailbox } from './mail.js';
import type { Settings } from './settings.js';
import type { Faults } from './faults.js';
import type { OAuthFlows } from './oauth-flows.js';
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
  operatorToken: string;
  /** The site's Identity event functions. */
  events: IdentityEvents;
  /** Back to a fresh start: the dev `reset` endpoint. */
  reset(): void;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path below /.netlify/identity, e.g. "/token". */
  path: string;
  params: Record<string, string>;
  /** The origin this request came to: http://<Host>. */
  origin: string;
  /** The origin mail links and OAuth returns point at: the configured site URL, else `origin`. */
  siteOrigin: string;
}

export type Handler = (ctx: RequestContext, services: Services) => Promise<void>;

export interface Route {
  method: string;
  /** A path below /.netlify/identity; `:name` segments become params. */
  path: string;
  handler: Handler;
  /** Admin and dev routes: a page on another origin must not drive them. */
  sameOriginOnly?: boolean;
}
