import type { BenchStack } from './benchStack';

/** Targets of issue 18, warm: a read is the record and its audit entry; a create adds the history entry. */
const TARGETS: Record<string, number | undefined> = { create: 3, read: 2 };

/**
 * Round trips to Cosmos per API call, warm, counted by the request plugin on the app's client. They do not
 * depend on the machine (test/http/cosmosRequests.test.ts pins them); in Azure each costs ms and RUs.
 */
export async function benchCosmosRequests(stack: BenchStack): Promise<string[]> {
  const token = await stack.login('cw_gh');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status}`);
    return (await res.json()) as { data: { id: string } };
  };
  const counted = async (run: () => Promise<unknown>) => {
    const before = stack.app.cosmosRequests.count;
    await run();
    return stack.app.cosmosRequests.count - before;
  };
  const data = { name: 'Counted Child', age: 9, sex: 'female' };
  // Warm: settings, keys, the account and its role.
  const warm = await call('POST', '/api/v2/cases', { data });
  await call('GET', `/api/v2/cases/${warm.data.id}`);
  await call('GET', '/api/v2/cases');

  let id = '';
  const counts: Record<string, number> = {
    create: await counted(async () => (id = (await call('POST', '/api/v2/cases', { data })).data.id)),
    read: await counted(() => call('GET', `/api/v2/cases/${id}`)),
    update: await counted(() => call('PATCH', `/api/v2/cases/${id}`, { data: { age: 10 } })),
    list: await counted(() => call('GET', '/api/v2/cases')),
  };
  return [
    'Cosmos requests per API call (warm; machine-independent):',
    ...Object.entries(counts).map(([name, count]) => {
      const target = TARGETS[name];
      const verdict =
        target === undefined ? '' : `   target <= ${target}: ${count <= target ? 'met' : 'MISSED'}`;
      return `  ${name.padEnd(7)} ${count}${verdict}`;
    }),
  ];
}
