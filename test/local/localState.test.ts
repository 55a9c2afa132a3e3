import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearLocalState, loadCosmosSnapshot, saveCosmosSnapshot } from '../../src/local/localState';
import { prepareStorage } from '../../src/local/prepareStorage';
import { startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const dir = mkdtempSync(join(tmpdir(), 'local-state-'));
const paths = {
  azurite: join(dir, 'azurite'),
  outbox: join(dir, 'outbox.jsonl'),
  cosmosSnapshot: join(dir, 'cosmos-snapshot.json'),
};

describe('local state follows one rule', () => {
  it('a clean start removes the uploads, the outbox and the snapshot of the last run', async () => {
    mkdirSync(join(paths.azurite, '__blobstorage__'), { recursive: true });
    writeFileSync(join(paths.azurite, '__blobstorage__', 'old-upload'), 'x');
    writeFileSync(paths.outbox, '{"message_id":"0123"}\n');
    writeFileSync(paths.cosmosSnapshot, '{}');
    await clearLocalState(paths);
    expect([paths.azurite, paths.outbox, paths.cosmosSnapshot].filter((p) => existsSync(p))).toEqual([]);
  });

  it('--keep-data: what a caseworker saved is there after a restart, sealed fields included', async () => {
    const token = await t.login('cw_gh');
    const created = await t.call('POST', '/api/v2/cases', {
      token,
      body: { data: { name: 'Kept Across Restarts', address_current: 'Kept Street 1' } },
    });
    expect(created.status).toBe(200);
    const count = await saveCosmosSnapshot(t.app, paths.cosmosSnapshot);
    expect(count).toBeGreaterThan(10);
    expect(statSync(paths.cosmosSnapshot).mode & 0o077).toBe(0);

    // The emulator restarts empty.
    await t.app.database.delete();
    await prepareStorage(t.app);
    expect((await t.call('GET', `/api/v2/cases/${created.body.data.id}`, { token })).status).not.toBe(200);

    expect(await loadCosmosSnapshot(t.app, paths.cosmosSnapshot)).toBe(true);
    const again = await t.login('cw_gh');
    const read = await t.call('GET', `/api/v2/cases/${created.body.data.id}`, { token: again });
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ name: 'Kept Across Restarts', address_current: 'Kept Street 1' });
    expect(await loadCosmosSnapshot(t.app, join(dir, 'none.json'))).toBe(false);
  });
});
