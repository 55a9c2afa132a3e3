/**
 * HTTP trigger route templates as the Functions host reads them (ASP.NET style): literal segments,
 * `{name}`, `{name?}`, `{name:constraint}` and a final catch-all `{*name}`. Matching ignores case.
 */
export interface CompiledRoute {
  template: string;
  regex: RegExp;
  names: string[];
  /** Lower sorts first: literals beat parameters, parameters beat catch-alls (the host's precedence). */
  precedence: number[];
}

const constraints: Record<string, string> = {
  int: '-?\\d+',
  long: '-?\\d+',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  alpha: '[A-Za-z]+',
  bool: '(?:true|false)',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRoute(prefix: string, route: string): CompiledRoute {
  const template = [prefix, route]
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '');
  const names: string[] = [];
  const precedence: number[] = [];
  let pattern = '^';
  for (const segment of template.split('/')) {
    const param = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(segment);
    if (!param) {
      pattern += `/${escape(segment)}`;
      precedence.push(0);
      continue;
    }
    const [, catchAll, name, constraint, optional] = param;
    names.push(name as string);
    if (catchAll) {
      pattern += '(?:/(.*))?';
      precedence.push(3);
    } else {
      const body =
        constraint && constraints[constraint.toLowerCase()] ? constraints[constraint.toLowerCase()] : '[^/]+';
      pattern += optional ? `(?:/(${body}))?` : `/(${body})`;
      precedence.push(constraint ? 1 : 2);
    }
  }
  return { template, regex: new RegExp(`${pattern}/?$`, 'i'), names, precedence };
}

/** Route parameters if the path matches, decoded; undefined otherwise. */
export function matchRoute(route: CompiledRoute, path: string): Record<string, string> | undefined {
  const match = route.regex.exec(path);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  route.names.forEach((name, i) => {
    const value = match[i + 1];
    if (value !== undefined) params[name] = decodeURIComponent(value);
  });
  return params;
}

export function comparePrecedence(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.max(a.precedence.length, b.precedence.length); i++) {
    const diff = (a.precedence[i] ?? -1) - (b.precedence[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}
