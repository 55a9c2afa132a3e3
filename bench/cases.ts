import { randomUUID } from 'node:crypto';
import type { BenchStack } from './benchStack';
import { startRemoteClient } from './remoteClient';
import { ms, percentile, timed } from './stats';

/** Issue 18: create+read through the API at most twice the raw SDK's time (with audit, history, encryption). */
const TARGET = 2;

const sample = (i: number) => ({
  name: `Bench Child ${i}`,
  sex: i % 2 ? 'female' : 'male',
  age: i % 18,
  risk_level: 'medium',
  protection_concerns: ['separated'],
  followup_subform_section: [{ followup_type: 'home_visit', followup_needed_by_date: '2026-12-01' }],
});

/**
 * Create + read N cases through the API (auth, validation, scope, presenter, local host) and the same
 * operations with the raw @azure/cosmos client on the same emulator, in the same run.
 */
export async function benchCases(stack: BenchStack, n: number): Promise<string[]> {
  const token = await stack.login('cw_gh');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const apiCreate: number[] = [];
  const apiRead: number[] = [];
  const rawCreate: number[] = [];
  const rawRead: number[] = [];
  const records = stack.app.containers.records;

  // The API's caller in a process of its own, as every caller is; the raw side's server is one too.
  const client = startRemoteClient();
  const apiPair = async (i: number) => {
    const [created, read] = await client.run({
      pair: {
        create: {
          url: `${stack.url}/api/v2/cases`,
          method: 'POST',
          headers,
          json: JSON.stringify({ data: sample(i) }),
        },
        readHeaders: headers,
      },
    });
    apiCreate.push(created?.ms ?? 0);
    apiRead.push(read?.ms ?? 0);
    return (created?.ms ?? 0) + (read?.ms ?? 0);
  };
  const rawPair = async (i: number) => {
    const id = randomUUID();
    await timed(
      () => records.items.create({ id, country_code: 'GH', record_type: 'bench', ...sample(i) }),
      rawCreate,
    );
    await timed(() => records.item(id, ['GH', id]).read(), rawRead);
  };

  let apiTotal = 0;
  let rawTotal = 0;
  try {
    // Warm both paths, create and read alike (connections, key cache, JIT) before measuring.
    for (let i = 0; i < 20; i++) {
      await apiPair(i);
      await rawPair(i);
    }
    apiCreate.length = apiRead.length = rawCreate.length = rawRead.length = 0;
    // Alternating pairs: the machine's load, which moves a lot on a shared machine, weighs on both sides alike.
    for (let i = 0; i < n; i++) {
      apiTotal += await apiPair(i);
      const start = process.hrtime.bigint();
      await rawPair(i);
      rawTotal += Number(process.hrtime.bigint() - start) / 1e6;
    }
  } finally {
    client.stop();
  }

  return [
    `cases create+read, ${n} each, API vs raw @azure/cosmos on the same emulator:`,
    `  ratio API/raw (total time)   ${(apiTotal / rawTotal).toFixed(2)}x   (API ${ms(apiTotal)}, raw ${ms(rawTotal)})   target <= ${TARGET.toFixed(1)}x: ${apiTotal / rawTotal <= TARGET ? 'met' : 'MISSED'}`,
    `  API  create p50 ${ms(percentile(apiCreate, 50))}  p95 ${ms(percentile(apiCreate, 95))}   read p50 ${ms(percentile(apiRead, 50))}  p95 ${ms(percentile(apiRead, 95))}`,
    `  raw  create p50 ${ms(percentile(rawCreate, 50))}  p95 ${ms(percentile(rawCreate, 95))}   read p50 ${ms(percentile(rawRead, 50))}  p95 ${ms(percentile(rawRead, 95))}`,
  ];
}
