import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';

/** One rule as Netlify's own parser normalises it. */
export interface RedirectRule {
  from: string;
  /** The path part of `from` (a rule for another host has `host` too). */
  path?: string;
  host?: string;
  to: string;
  status?: number;
  force: boolean;
  query: Record<string, string>;
  conditions: { Role?: string[]; Language?: string[]; Country?: string[]; Cookie?: string[] };
  proxy?: boolean;
  headers?: Record<string, string>;
}

/** What a request comes to after the rules: a file with a status, a redirect, a proxy, or nothing. */
export type RuleOutcome =
  | { type: 'none' }
  | { type: 'rewrite'; path: string; status: number }
  | { type: 'redirect'; location: string; status: number }
  | { type: 'proxy'; url: string; status: number };

interface Source {
  file: string;
  mtimeMs: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function mtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

/** The line numbers of a _redirects file's rule lines, in the order the parser counts them. */
function ruleLines(text: string, unparsed: Set<number>): number[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line, number }) => line !== '' && !line.startsWith('#') && !unparsed.has(number))
    .map(({ number }) => number);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The site's `_redirects` (in the served folder) and `[[redirects]]` of `netlify.toml`, parsed by
 * Netlify's own parser, applied as the platform does: first match wins, rules whose conditions do
 * not hold are skipped, and a rule that is not forced yields to a file at the requested path.
 * Both files are read again when they change; a broken rule is reported once with its line.
 */
export class RedirectRules {
  private rules: RedirectRule[] = [];
  private sources: Source[] = [];
  private warnedCountry = false;
  private parsing: Promise<void> = Promise.resolve();

  constructor(
    private readonly redirectsFile: string,
    private readonly configFile: string,
    private readonly logError: (line: string) => void,
  ) {}

  get list(): readonly RedirectRule[] {
    return this.rules;
  }

  /** Parses both files again if either changed since the last look. */
  async refresh(): Promise<void> {
    const current = [this.redirectsFile, this.configFile].map((file) => ({
      file,
      mtimeMs: mtime(file),
    }));
    if (
      this.sources.length > 0 &&
      current.every((source, i) => source.mtimeMs === this.sources[i]!.mtimeMs)
    ) {
      // A parse still under way is the answer for these files too.
      return this.parsing;
    }
    this.sources = current;
    this.parsing = Promise.all([this.parseRedirectsFile(), this.parseConfig()]).then(
      ([fromFile, fromConfig]) => {
        this.rules = [...fromFile, ...fromConfig];
      },
    );
    return this.parsing;
  }

  private async parseRedirectsFile(): Promise<RedirectRule[]> {
    if (mtime(this.redirectsFile) < 0) return [];
    const name = relative(process.cwd(), this.redirectsFile) || this.redirectsFile;
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [this.redirectsFile],
      configRedirects: [],
      minimal: false,
    });
    const messages = errors.map(errorText);
    const unparsed = new Set<number>();
    for (const message of messages) {
      const match = /^Could not parse redirect line (\d+):/.exec(message);
      if (match) unparsed.add(Number(match[1]));
    }
    const lines = ruleLines(readFileSync(this.redirectsFile, 'utf8'), unparsed);
    for (const message of messages) {
      const [, kind, number, rest = ''] =
        /^Could not parse redirect (line|number) (\d+):\n([\s\S]*)$/.exec(message) ?? [];
      if (!kind) {
        this.logError(`[identity] ${name}: ${message}`);
        continue;
      }
      const line = kind === 'line' ? Number(number) : lines[Number(number) - 1];
      const [source = '', ...reason] = rest.split('\n');
      this.logError(
        `[identity] ${name} line ${line ?? '?'}: ${reason.join(' ').trim()} (${source.trim()}); the other rules apply`,
      );
    }
    return redirects as RedirectRule[];
  }

  private async parseConfig(): Promise<RedirectRule[]> {
    if (mtime(this.configFile) < 0) return [];
    const name = relative(process.cwd(), this.configFile) || this.configFile;
    const { redirects, errors } = await parseAllRedirects({
      redirectsFiles: [],
      netlifyConfigPath: this.configFile,
      configRedirects: [],
      minimal: false,
    });
    for (const error of errors) {
      const message = errorText(error).replace(
        /^Could not parse redirect number (\d+):\n\s*/,
        (_, n: string) => `[[redirects]] number ${n}: `,
      );
      this.logError(`[identity] ${name}: ${message.replace(/\n/g, ' ')}; the other rules apply`);
    }
    return redirects as RedirectRule[];
  }

  /** Where the rules send this request; `rolesOf` verifies the `nf_jwt` cookie. */
  async resolve(
    req: IncomingMessage,
    url: URL,
    fileExists: (path: string) => Promise<boolean>,
    rolesOf: (token: string) => Promise<string[] | undefined>,
  ): Promise<RuleOutcome> {
    await this.refresh();
    let roles: Promise<string[] | undefined> | undefined;
    const userRoles = () => {
      const token = cookie(req, 'nf_jwt');
      roles ??= token ? rolesOf(token) : Promise.resolve(undefined);
      return roles;
    };

    for (const rule of this.rules) {
      if (rule.host && rule.host !== url.host) continue;
      const params = matchRule(rule, url);
      if (!params) continue;
      const { Role, Language, Country, Cookie } = rule.conditions;
      if (Role) {
        const held = await userRoles();
        // A forged, expired or missing token holds no role.
        if (!held || !Role.some((role) => held.includes(role))) continue;
      }
      if (Language && !acceptsLanguage(req, Language)) continue;
      if (Country) {
        if (!this.warnedCountry) {
          this.warnedCountry = true;
          this.logError('[identity] Country= conditions never match on this local server');
        }
        continue;
      }
      if (Cookie && !Cookie.some((name) => cookie(req, name) !== undefined)) continue;

      // Shadowing: a rule that is not forced never hides a file that exists.
      if (!rule.force && (await fileExists(url.pathname))) return { type: 'none' };

      const status = rule.status ?? 301;
      const target = substitute(rule.to, params);
      if (REDIRECT_STATUSES.has(status)) {
        const location = new URL(target, url);
        if (!location.search && url.search) location.search = url.search;
        const sameOrigin = location.origin === url.origin;
        return {
          type: 'redirect',
          location: sameOrigin
            ? location.pathname + location.search + location.hash
            : location.href,
          status,
        };
      }
      if (/^https?:\/\//i.test(target)) {
        const proxied = new URL(target);
        if (!proxied.search && url.search) proxied.search = url.search;
        return { type: 'proxy', url: proxied.href, status };
      }
      return { type: 'rewrite', path: target, status };
    }
    return { type: 'none' };
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function acceptsLanguage(req: IncomingMessage, languages: string[]): boolean {
  const accepted = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((entry) => entry.split(';', 1)[0]!.trim().toLowerCase())
    .filter(Boolean);
  return languages.some((language) => {
    const wanted = language.toLowerCase();
    return accepted.some((tag) => tag === wanted || tag.split('-', 1)[0] === wanted);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `:name` takes one segment, a final `*` the rest (and `/x/*` matches `/x` too), as on Netlify. */
function matchRule(rule: RedirectRule, url: URL): Record<string, string> | undefined {
  const segments = (rule.path ?? rule.from).replace(/\/+$/, '').split('/').slice(1);
  const names: string[] = [];
  let source = '';
  segments.forEach((segment, i) => {
    if (segment === '*' && i === segments.length - 1) {
      names.push('splat');
      source += '(?:/(.*))?';
    } else if (/^:[A-Za-z_]\w*$/.test(segment)) {
      names.push(segment.slice(1));
      source += '/([^/]+)';
    } else {
      source += `/${escapeRegExp(segment)}`;
    }
  });
  const match = new RegExp(`^${source}/?$`).exec(url.pathname);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  names.forEach((name, i) => (params[name] = match[i + 1] ?? ''));

  for (const [key, value] of Object.entries(rule.query ?? {})) {
    const given = url.searchParams.get(key);
    if (given === null) return undefined;
    if (value.startsWith(':')) params[value.slice(1)] = encodeURIComponent(given);
    else if (given !== value) return undefined;
  }
  return params;
}

function substitute(to: string, params: Record<string, string>): string {
  return to.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => params[name] ?? whole);
}

/** The site's rules: `_redirects` in the served folder, `netlify.toml` in the project. */
export function siteRedirects(
  root: string,
  projectRoot: string,
  logError: (line: string) => void,
): RedirectRules {
  return new RedirectRules(join(root, '_redirects'), join(projectRoot, 'netlify.toml'), logError);
}

/** Answers a request the rules sent to another server (a 200 rule to an absolute URL). */
export async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  status: number,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : Buffer.concat(chunks);
  try {
    const answer = await fetch(url, { method: req.method, headers, body, redirect: 'manual' });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
        out[name] = value;
    });
    const data = Buffer.from(await answer.arrayBuffer());
    res.writeHead(status === 200 ? answer.status : status, out);
    res.end(req.method === 'HEAD' ? undefined : data);
  } catch (error) {
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Proxy to ${url} failed: ${(error as Error).message}\n`);
  }
}
