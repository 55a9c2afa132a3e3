import { CosmosClock } from '../../src/sync/cosmosClock';
import { startTestApp, type TestApp } from '../support/testApp';

// The sync pull's settle window is measured in Cosmos's time: a host clock that drifts does not move it.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const cosmosTsOfAWriteNow = async () => {
  const probe = { id: 'probe', type: 'probe', country_code: 'GH', record_id: 'probe' };
  const { resource } = await t.app.containers.sync.items.upsert<typeof probe & { _ts?: number }>(probe);
  return resource?._ts as number;
};

it.each([
  ['on time', 0],
  ['a minute ahead', 60_000],
  ['a minute behind', -60_000],
])('with a host clock %s, the estimate is Cosmos time, never later', async (_label, skew) => {
  const clock = new CosmosClock(t.app.containers.sync, () => Date.now() + skew);
  const estimate = await clock.nowSeconds();
  const ts = await cosmosTsOfAWriteNow();
  expect(estimate).toBeLessThanOrEqual(ts);
  expect(estimate).toBeGreaterThanOrEqual(ts - 2);
});
