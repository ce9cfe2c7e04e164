import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** The types a static site is made of; anything else is application/octet-stream. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  // RFC 9512; Decap CMS's config.yml among others.
  '.yml': 'application/yaml; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.toml': 'application/toml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

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

function isInside(base: string, path: string): boolean {
  return path === base || path.startsWith(base + sep);
}

/** The real path of `file` when it is a file inside `base` (symlinks resolved), else undefined. */
async function realFileInside(base: string, file: string): Promise<string | undefined> {
  const [realBase, real] = await Promise.all([
    realpath(base).catch(() => base),
    realpath(file).catch(() => undefined),
  ]);
  if (!real || !isInside(realBase, real)) return undefined;
  const info = await stat(real).catch(() => undefined);
  return info?.isFile() ? real : undefined;
}

/**
 * The file a site path names under `root`: the file itself, a folder's index.html, or the path
 * plus .html (Netlify's pretty URLs); never anything outside `root`, symlinks included.
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
  if (!isInside(base, file)) return undefined;
  for (const candidate of [file, join(file, 'index.html'), `${file.replace(/[/\\]+$/, '')}.html`]) {
    if (!isInside(base, candidate)) continue;
    if (await realFileInside(base, candidate)) return candidate;
  }
  return undefined;
}

/** `/about` for about.html, when nothing is at /about itself (Netlify's pretty URLs). */
export async function prettyUrlFile(root: string, sitePath: string): Promise<string | undefined> {
  const pathOnly = sitePath.split(/[?#]/, 1)[0]!;
  const file = await resolveSiteFile(root, sitePath);
  if (!file?.endsWith('.html') || pathOnly.endsWith('.html')) return undefined;
  const direct = await resolveSiteFile(root, `${pathOnly.replace(/\/+$/, '')}/`);
  return direct ? undefined : file;
}

/** Sends one file of the site with `status` (a rewrite's 200, or the 401/403/404 of a rule). */
export async function sendSiteFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
): Promise<void> {
  const info = await stat(file);
  res.writeHead(status, {
    'Content-Type': contentType(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Serves the files under `root` (GET and HEAD), never anything outside it, symlinks included. */
export function createStaticHandler(root: string) {
  const base = resolve(root);
  const realBase = realpath(base).catch(() => base);
  /** The file's real path when it is a file or folder inside the site, else undefined. */
  async function inside(file: string) {
    const real = await realpath(file).catch(() => undefined);
    if (!real || !isInside(await realBase, real)) return undefined;
    return { real, info: await stat(real) };
  }
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
    const file = resolve(join(base, path));
    if (!isInside(base, file)) return sendText(req, res, 404, 'Not Found');

    let name = file;
    let found = await inside(file);
    if (found?.info.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // Relative links in the index page need the trailing slash. One leading slash only:
        // "//host" would send the browser to another site.
        const location = `/${rawPath.replace(/^\/+/, '')}/${req.url!.slice(rawPath.length)}`;
        return sendText(req, res, 301, 'Moved Permanently', { Location: location });
      }
      name = join(found.real, 'index.html');
      found = await inside(name);
    }
    if (!found?.info.isFile()) return sendText(req, res, 404, 'Not Found');

    res.writeHead(200, {
      // The name asked for, not the symlink's target, says what the file is.
      'Content-Type': contentType(name),
      'Content-Length': found.info.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(found.real)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
