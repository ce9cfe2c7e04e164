import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  title: string,
  headers = {},
) {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1></html>\n`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/**
 * The file a site path names under `root`: the file itself, a folder's index.html, or the path
 * plus .html (Netlify's pretty URLs); never anything outside `root`.
 */
export async function resolveSiteFile(root: string, sitePath: string): Promise<string | undefined> {
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent(sitePath.split(/[?#]/, 1)[0]!);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  for (const candidate of [file, join(file, 'index.html'), `${file.replace(/[/\\]+$/, '')}.html`]) {
    if (candidate !== base && !candidate.startsWith(base + sep)) continue;
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

/** `/about` for about.html, when nothing is at /about itself (Netlify's pretty URLs). */
export async function prettyUrlFile(root: string, sitePath: string): Promise<string | undefined> {
  const file = await resolveSiteFile(root, sitePath);
  if (!file?.endsWith('.html') || sitePath.split(/[?#]/, 1)[0]!.endsWith('.html')) return undefined;
  const direct = await resolveSiteFile(
    root,
    `${sitePath.split(/[?#]/, 1)[0]!.replace(/\/+$/, '')}/`,
  );
  return direct ? undefined : file;
}

/** Sends one file with `status` (a rewrite's 200, or the 401/403/404 of a rule). */
export async function sendSiteFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
): Promise<void> {
  const info = await stat(file);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Serves the files under `root` (GET and HEAD), never anything outside it. */
export function createStaticHandler(root: string) {
  const base = resolve(root);
  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return sendText(req, res, 400, 'Bad Request');
    }
    if (path.includes('\0')) return sendText(req, res, 400, 'Bad Request');
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return sendText(req, res, 404, 'Not Found');

    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // Relative links in the index page need the trailing slash. One leading slash only:
        // "//host" would send the browser to another site.
        const location = `/${rawPath.replace(/^\/+/, '')}/${req.url!.slice(rawPath.length)}`;
        return sendText(req, res, 301, 'Moved Permanently', { Location: location });
      }
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return sendText(req, res, 404, 'Not Found');

    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
