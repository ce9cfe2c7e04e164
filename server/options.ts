import type { AllowedHosts } from './hosts.js';
import type { LoginThrottleOptions } from './throttle.js';

export interface IdentityServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Folder of static files served at '/'; without it, paths outside the identity API are 404. */
  root?: string;
  /** Keep users, sessions and the signing secret in this file (a journal, fsynced on every change). */
  dataFile?: string;
  /** Mount the /.netlify/identity/__dev/* controls (default true); false answers them 404. */
  dev?: boolean;
  /** Admin bearer token; default $IDENTITY_OPERATOR_TOKEN, else random per start. */
  operatorToken?: string;
  /** Origin that mail links and OAuth returns point at; default: this server's own origin. */
  siteUrl?: string;
  /**
   * Host names answered besides localhost, IP addresses and the site URL's host (a leading dot
   * allows subdomains; `true` allows any, which lets DNS rebinding in). Others get 403.
   */
  allowedHosts?: AllowedHosts;
  /** Failed-login limits per account and per client; `false` turns them off. */
  loginThrottle?: LoginThrottleOptions | false;
  /** Current time in ms (default Date.now); everything time-based reads it, so tests can travel. */
  clock?: () => number;
  /** No logging. */
  quiet?: boolean;
  /**
   * The site's folder: where `netlify.toml` and `netlify/functions` are looked for (default: the
   * current directory).
   */
  projectRoot?: string;
  /** The Identity event functions' folder; default `[functions] directory`, else netlify/functions. */
  functions?: string;
  /** How long a synchronous event function may run, in ms (default 10 000, Netlify's). */
  functionTimeout?: number;
  /** Where log lines go (default: the console, unless `quiet`). */
  logger?: { log(line: string): void; error(line: string): void };
}

export type IdentityAppOptions = Omit<IdentityServerOptions, 'port' | 'host' | 'root'>;
