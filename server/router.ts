import type { Route } from './context.js';

export type RouteMatch =
  { route: Route; params: Record<string, string> } | { allowedMethods: string[] } | undefined;

interface CompiledRoute {
  route: Route;
  segments: string[];
}

/** Trailing slashes dropped in one linear pass (a /\/+$/ regex is quadratic on a run of slashes). */
function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  return path.slice(0, end);
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: Route[]): void {
    for (const route of routes) this.routes.push({ route, segments: route.path.split('/') });
  }

  /** The route for this request; else the methods the path does allow (405); else undefined (404). */
  match(method: string, path: string): RouteMatch {
    const actual = trimTrailingSlashes(path).split('/');
    const allowedMethods: string[] = [];
    for (const { route, segments } of this.routes) {
      const params = matchSegments(segments, actual);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowedMethods.push(route.method);
    }
    return allowedMethods.length > 0 ? { allowedMethods } : undefined;
  }
}

function matchSegments(wanted: string[], actual: string[]): Record<string, string> | undefined {
  if (wanted.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const segment = wanted[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = actual[i]!;
    else if (segment !== actual[i]) return undefined;
  }
  return params;
}
