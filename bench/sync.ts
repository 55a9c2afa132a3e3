import { randomUUID } from 'node:crypto';
import type { BenchStack } from './benchStack';
import { ms } from './stats';

const RECORDS = Number(process.env.BENCH_SYNC_RECORDS ?? 10_000);
const PUSH_TARGET = 3;

/** Pulls every page; returns the time and the bytes on the wire. */
async function pullAll(stack: BenchStack, token: string, encoding: 'gzip' | 'identity') {
  let cursor = '';
  let bytes = 0;
  let records = 0;
  const start = performance.now();
  for (;;) {
    const res = await fetch(`${stack.url}/api/v2/sync/cases?per=1000${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': encoding },
    });
    bytes += Number(res.headers.get('content-length') ?? 0);
    const body = (await res.json()) as {
      data: unknown[];
      metadata: { next_cursor: string; has_more: boolean };
    };
    records += body.data.length;
    cursor = body.metadata.next_cursor;
    if (!body.metadata.has_more) break;
  }
  return { ms: performance.now() - start, bytes, records };
}

/**
 * A first pull of 10,000 changed records, with and without gzip; and 100 offline edits pushed as one
 * batch vs sent as 100 PATCH calls.
 */
export async function benchSync(stack: BenchStack): Promise<string[]> {
  const { app } = stack;
  const token = await stack.login('cw_ke');
  const base = {
    record_type: 'case',
    country_code: 'KE',
    module_id: 'primeromodule-cp',
    enabled: true,
    owned_by: 'cw_ke',
    owned_by_agency_id: 'agency-unicef',
    owned_by_groups: ['usergroup-cp-nairobi'],
    associated_user_names: ['cw_ke'],
    version: 1,
    status: 'open',
    sex: 'female',
    risk_level: 'medium',
    registration_date: '2026-01-15',
    created_at: new Date().toISOString(),
    protection_concerns: ['separated', 'unaccompanied'],
    location_current: 'Nairobi',
  };
  for (let i = 0; i < RECORDS; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) => {
        const id = randomUUID();
        return app.containers.records.items.create({
          ...base,
          id,
          short_id: id.slice(-7),
          case_id_display: id.slice(-7),
          age: (i + j) % 18,
        });
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 2500)); // past the pull's settle window
  const plain = await pullAll(stack, token, 'identity');
  const gzip = await pullAll(stack, token, 'gzip');

  // 100 records for the batch, 100 for the PATCH calls, and 10 more each to warm both paths first.
  const targets = Array.from({ length: 220 }, () => randomUUID());
  for (const id of targets)
    await app.containers.records.items.create({ ...base, id, short_id: id.slice(-7) });
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const pushBatch = async (ids: string[]) => {
    const res = await fetch(`${stack.url}/api/v2/sync/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        data: ids.map((id) => ({
          mutation_id: `bench-${id}`,
          op: 'update',
          id,
          base_version: 1,
          changes: { risk_level: 'high' },
        })),
      }),
    });
    if (res.status !== 200) throw new Error(`push failed: ${res.status}`);
    await res.arrayBuffer();
  };
  const patchEach = async (ids: string[]) => {
    for (const id of ids) {
      const r = await fetch(`${stack.url}/api/v2/cases/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ data: { risk_level: 'high' } }),
      });
      if (r.status !== 200) throw new Error(`patch failed: ${r.status}`);
      await r.arrayBuffer();
    }
  };
  await pushBatch(targets.slice(200, 210));
  await patchEach(targets.slice(210, 220));
  let start = performance.now();
  await pushBatch(targets.slice(0, 100));
  const batchMs = performance.now() - start;
  start = performance.now();
  await patchEach(targets.slice(100, 200));
  const singleMs = performance.now() - start;
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  return [
    `sync pull of ${plain.records} changed records in pages of 1,000:`,
    `  with gzip vs without: time ${(gzip.ms / plain.ms).toFixed(2)}x (${ms(gzip.ms)} vs ${ms(plain.ms)}), bytes ${(gzip.bytes / plain.bytes).toFixed(2)}x (${kb(gzip.bytes)} vs ${kb(plain.bytes)})`,
    `sync push of 100 mutations in one batch vs 100 PATCH calls (both warm): ${(singleMs / batchMs).toFixed(2)}x faster (${ms(batchMs)} vs ${ms(singleMs)})   target >= ${PUSH_TARGET}x: ${singleMs / batchMs >= PUSH_TARGET ? 'met' : 'MISSED'}`,
  ];
}
