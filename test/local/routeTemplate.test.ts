import { comparePrecedence, compileRoute, matchRoute } from '../../src/local/routeTemplate';

describe('route templates', () => {
  it('applies the prefix and extracts decoded parameters', () => {
    const route = compileRoute('api', 'v2/cases/{id}');
    expect(route.template).toBe('api/v2/cases/{id}');
    expect(matchRoute(route, '/api/v2/cases/abc%20d')).toEqual({ id: 'abc d' });
    expect(matchRoute(route, '/api/v2/cases/abc/')).toEqual({ id: 'abc' });
    expect(matchRoute(route, '/api/v2/cases')).toBeUndefined();
    expect(matchRoute(route, '/api/v2/cases/a/b')).toBeUndefined();
  });

  it('matches regardless of case, like the host', () => {
    expect(matchRoute(compileRoute('api', 'v2/Cases/{id}'), '/API/v2/cases/1')).toEqual({ id: '1' });
  });

  it('supports optional parameters, constraints and catch-alls', () => {
    const optional = compileRoute('api', 'items/{id?}');
    expect(matchRoute(optional, '/api/items')).toEqual({});
    expect(matchRoute(optional, '/api/items/7')).toEqual({ id: '7' });
    const typed = compileRoute('api', 'items/{id:int}');
    expect(matchRoute(typed, '/api/items/42')).toEqual({ id: '42' });
    expect(matchRoute(typed, '/api/items/abc')).toBeUndefined();
    const rest = compileRoute('', 'files/{*path}');
    expect(matchRoute(rest, '/files/a/b/c.txt')).toEqual({ path: 'a/b/c.txt' });
  });

  it('prefers literal segments over parameters over catch-alls', () => {
    const literal = compileRoute('api', 'v2/cases/flags');
    const param = compileRoute('api', 'v2/cases/{id}');
    const catchAll = compileRoute('api', 'v2/{*rest}');
    const sorted = [catchAll, param, literal].sort(comparePrecedence);
    expect(sorted.map((r) => r.template)).toEqual([
      'api/v2/cases/flags',
      'api/v2/cases/{id}',
      'api/v2/{*rest}',
    ]);
  });
});
