import type { RegisteredFunction } from './functionsCore';
import { comparePrecedence, compileRoute, matchRoute, type CompiledRoute } from './routeTemplate';

export interface HttpRoute {
  fn: RegisteredFunction;
  route: CompiledRoute;
  methods: string[];
}

export type RouteResult =
  | { kind: 'found'; fn: RegisteredFunction; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

/** The HTTP-triggered functions, in the host's matching order. A function without a route uses its name. */
export function buildHttpRoutes(functions: RegisteredFunction[], routePrefix: string): HttpRoute[] {
  return functions
    .filter((fn) => fn.trigger.type === 'httpTrigger')
    .map((fn) => ({
      fn,
      route: compileRoute(routePrefix, fn.trigger.route ?? fn.name),
      methods: (fn.trigger.methods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).map((m) =>
        m.toUpperCase(),
      ),
    }))
    .sort((a, b) => comparePrecedence(a.route, b.route));
}

export function routeRequest(routes: HttpRoute[], method: string, path: string): RouteResult {
  const allow = new Set<string>();
  // Allow names the methods of the most specific template the path matched (the web app's catch-all GET
  // is not a method of /api/v2/cases).
  let template: string | undefined;
  for (const candidate of routes) {
    const params = matchRoute(candidate.route, path);
    if (!params) continue;
    if (candidate.methods.includes(method.toUpperCase())) return { kind: 'found', fn: candidate.fn, params };
    template ??= candidate.route.template;
    if (candidate.route.template === template) candidate.methods.forEach((m) => allow.add(m));
  }
  return allow.size > 0 ? { kind: 'method_not_allowed', allow: [...allow] } : { kind: 'not_found' };
}
