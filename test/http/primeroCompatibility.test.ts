import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startTestApp, type TestApp } from '../support/testApp';

// docs/primero-compatibility.md must stay true: every Primero route it marks *same* is served here.
interface Row {
  method: string;
  path: string;
  verdict: 'same' | 'deliberately different' | 'not yet';
}
const ROW =
  /^\|\s*(GET|POST|PATCH|PUT|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*[*_](same|deliberately different|not yet)[*_]/;

export function compatibilityRows(): Row[] {
  const text = readFileSync(join(ROOT, 'docs', 'primero-compatibility.md'), 'utf8');
  return text.split('\n').flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ method: m[1], path: m[2], verdict: m[3] } as Row] : [];
  });
}

const recordTypes = ['cases', 'incidents', 'tracing_requests'];
/** `{record_type}` in the table stands for each record type; parameter names do not matter. */
const expand = (path: string) =>
  path.includes('{record_type}') ? recordTypes.map((r) => path.replace('{record_type}', r)) : [path];
const shapeOf = (path: string) => path.replace(/^\/?(api\/)?(v2\/)?/, '').replace(/\{[^}]+\}|:\w+/g, '{}');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('docs/primero-compatibility.md', () => {
  it('names each route once, with a verdict', () => {
    const rows = compatibilityRows();
    expect(rows.length).toBeGreaterThan(60);
    const keys = rows.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('every route marked same is registered by the local host', () => {
    const served = new Set(
      t.host.functions
        .filter((fn) => fn.trigger.type === 'httpTrigger')
        .flatMap((fn) =>
          (fn.trigger.methods ?? []).map((m) => `${m.toUpperCase()} ${shapeOf(fn.trigger.route ?? fn.name)}`),
        ),
    );
    const missing = compatibilityRows()
      .filter((r) => r.verdict === 'same')
      .flatMap((r) => expand(r.path).map((p) => `${r.method} ${shapeOf(p)}`))
      .filter((key) => !served.has(key));
    expect(missing).toEqual([]);
  });

  it('covers every route of Primero’s documentation examples', () => {
    const examples = JSON.parse(
      readFileSync(join(ROOT, 'test', 'fixtures', 'primero-doc-examples.json'), 'utf8'),
    ) as { method: string; path: string }[];
    const listed = new Set(
      compatibilityRows().flatMap((r) => expand(r.path).map((p) => `${r.method} ${shapeOf(p)}`)),
    );
    const uncovered = examples
      .flatMap((e) =>
        expand(e.path.replace(/:recordType|:record_type/, '{record_type}')).map(
          (p) => `${e.method} ${shapeOf(p)}`,
        ),
      )
      .filter((key) => !listed.has(key));
    expect([...new Set(uncovered)]).toEqual([]);
  });
});
