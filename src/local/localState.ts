import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { App } from '../app';

/**
 * One rule for all local state (`.data/`): by default every `npm start` begins clean — Cosmos is in memory
 * and re-seeded, Azurite runs in memory, the outbox is emptied — so no old upload, delivery receipt or
 * outbox message id outlives the records it belonged to. With `--keep-data`, all of it persists instead:
 * Azurite on disk, the outbox kept, and Cosmos saved to a snapshot at stop and loaded at the next start
 * (in place of the demo seed). The certificate and the local key store are kept either way: they are
 * settings, not data (the key store is what the snapshot's sealed fields need).
 */
export interface LocalStatePaths {
  azurite: string;
  outbox: string;
  cosmosSnapshot: string;
}

/** Removes the data a clean start must not see. */
export async function clearLocalState(paths: LocalStatePaths): Promise<void> {
  for (const path of [paths.azurite, paths.outbox, paths.cosmosSnapshot])
    await rm(path, { recursive: true, force: true });
}

type Snapshot = Partial<Record<keyof App['containers'], Record<string, unknown>[]>>;
const SYSTEM_FIELDS = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Every document of every container, without Cosmos's system fields, written owner-only. */
export async function saveCosmosSnapshot(app: App, file: string): Promise<number> {
  const snapshot: Snapshot = {};
  let count = 0;
  for (const [name, container] of Object.entries(app.containers)) {
    const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    snapshot[name as keyof Snapshot] = resources.map((doc) =>
      Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM_FIELDS.includes(key))),
    );
    count += resources.length;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(snapshot), { mode: 0o600 });
  return count;
}

/** Loads a snapshot into the (new, empty) containers; false when there is none. */
export async function loadCosmosSnapshot(app: App, file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  const snapshot = JSON.parse(text) as Snapshot;
  for (const [name, docs] of Object.entries(snapshot)) {
    const container = app.containers[name as keyof Snapshot];
    for (const doc of docs ?? []) await container.items.upsert(doc);
  }
  return true;
}
