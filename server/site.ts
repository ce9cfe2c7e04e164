import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { IdentityApp } from './app.js';
import {
  hasPackageBuild,
  isCdnScriptPath,
  packageCdnFile,
  packageCdnFolder,
} from './cdn-script.js';
import type { IdentityAppOptions } from './options.js';
import { proxy, siteRedirects } from './redirects.js';
import {
  createStaticHandler,
  prettyUrlFile,
  resolveSiteFile,
  sendSiteFile,
  sendText,
} from './static.js';

/**
 * The site around the identity API: its static files behind its redirect rules, the way Netlify
 * serves them, with `Role=` conditions read from the `nf_jwt` cookie this identity app signed.
 */
export function createSiteHandler(root: string, options: IdentityAppOptions, app: IdentityApp) {
  const serveStatic = createStaticHandler(root);
  const logger = options.logger ?? (options.quiet ? undefined : console);
  const rules = siteRedirects(root, resolve(options.projectRoot ?? process.cwd()), (line) =>
    logger?.error(line),
  );
  // Reported at start, not at the first request.
  void rules.refresh();
  let reportedMissingBuild = false;

  /**
   * The package's build of the CDN script, its parts or languages at `path` when the site has no
   * file there: a page with the script tag works with no copy of it. The site's own file wins.
   */
  async function builtInScript(path: string): Promise<string | undefined> {
    const pathname = path.split(/[?#]/, 1)[0]!;
    if (!isCdnScriptPath(pathname) || (await resolveSiteFile(root, pathname))) return undefined;
    const file = await packageCdnFile(pathname);
    if (!file && !reportedMissingBuild && !hasPackageBuild()) {
      reportedMissingBuild = true;
      logger?.error(
        `${pathname} is not in ${root}, and this package has no build to answer it from (${packageCdnFolder()}): run \`npm run build\` in the package, or copy its dist/cdn/ files into the site.`,
      );
    }
    return file;
  }

  const fileAt = async (path: string) =>
    (await resolveSiteFile(root, path)) ?? (await builtInScript(path));

  return async function serveSite(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    url.host = req.headers.host ?? 'localhost';
    const outcome = await rules.resolve(
      req,
      url,
      async (path) => (await fileAt(path)) !== undefined,
      (token) => app.rolesOf(token),
    );
    switch (outcome.type) {
      case 'none': {
        // Only a last segment without an extension can name a pretty URL.
        const pretty = /\/[^/.]+$/.test(url.pathname)
          ? await prettyUrlFile(root, url.pathname)
          : undefined;
        if (pretty) return sendSiteFile(req, res, pretty, 200);
        const script =
          req.method === 'GET' || req.method === 'HEAD'
            ? await builtInScript(url.pathname)
            : undefined;
        return script ? sendSiteFile(req, res, script, 200) : serveStatic(req, res);
      }
      case 'redirect':
        res.writeHead(outcome.status, { Location: outcome.location, 'Cache-Control': 'no-cache' });
        return void res.end();
      case 'proxy':
        return proxy(req, res, outcome.url, outcome.status);
      case 'rewrite': {
        const file = await fileAt(outcome.path);
        if (!file) return sendText(req, res, 404, 'Not Found');
        return sendSiteFile(req, res, file, outcome.status);
      }
    }
  };
}
