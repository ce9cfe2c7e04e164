import type { Route } from './context.js';

export type RouteMatch =
  { route: Route; params: Record<string, string> } | { allowedMethods: string[] } | undefined;

export class Router {
  private readonly routes: Route[] = [];

  add(routes: Route[]): void {
    this.routes.push(...routes);
  }

  /** The route for this request; else the methods the path does allow (405); else undefined (404). */
  match(method: string, path: string): RouteMatch {
    const allowedMethods: string[] = [];
    for (const route of this.routes) {
      const params = matchPath(route.path, path);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowedMethods.push(route.method);
    }
    return allowedMethods.length > 0 ? { allowedMethods } : undefined;
  }
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const actual = path.replace(/\/+$/, '').split('/');
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const segment = wanted[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = actual[i]!;
    else if (segment !== actual[i]) return undefined;
  }
  return params;
}
