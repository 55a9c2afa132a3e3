import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compatibilityRows, routeKeys } from '../support/compatibilityTable';
import { ROOT, startTestApp, type TestApp } from '../support/testApp';

// docs/primero-compatibility.md must stay true: every Primero route it marks *same* is served here.
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
          (fn.trigger.methods ?? []).flatMap((m) => routeKeys(m, fn.trigger.route ?? fn.name)),
        ),
    );
    const missing = compatibilityRows()
      .filter((r) => r.verdict === 'same')
      .flatMap((r) => routeKeys(r.method, r.path))
      .filter((key) => !served.has(key));
    expect(missing).toEqual([]);
  });

  it('covers every route of Primero’s documentation examples', () => {
    const examples = JSON.parse(
      readFileSync(join(ROOT, 'test', 'fixtures', 'primero-doc-examples.json'), 'utf8'),
    ) as { method: string; path: string }[];
    const listed = new Set(compatibilityRows().flatMap((r) => routeKeys(r.method, r.path)));
    const uncovered = examples.flatMap((e) => routeKeys(e.method, e.path)).filter((key) => !listed.has(key));
    expect([...new Set(uncovered)]).toEqual([]);
  });
});
