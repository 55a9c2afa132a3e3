import { api, type CaseRecord, type ErrorEntry } from './api';
import { flushUploads } from './attachments';
import { revert, shownChange, type Shown } from './revert';
import type { Vault } from './vault';
import { askForBackgroundSync } from './backgroundSync';

/** One queued change: a sync mutation as POST /sync/cases takes it, with the client's own id. */
export interface Mutation {
  mutation_id: string;
  op: 'create' | 'update';
  id: string;
  base_version?: number;
  changes: Record<string, unknown>;
  queued_at: string;
  /** Set when the server refused it: kept for the user to see, never dropped. */
  rejected?: string;
  /** The server's reasons, by field path, shown at the fields when the case is opened. */
  errors?: ErrorEntry[];
  /** What it changed in the device's copy, so that giving it up takes it off there too, also offline. */
  shown?: Shown;
}

// Keys sort oldest first: a zero-padded clock plus the random id.
const queueKey = (m: Mutation) => `${m.queued_at}|${m.mutation_id}`;

/**
 * `changes` is what the server gets; `local`, when given, is the record as the device should show it now
 * (a subform removal is sent as `_destroy` but shown gone).
 */
export async function queueEdit(
  vault: Vault,
  record: CaseRecord,
  changes: Record<string, unknown>,
  local: CaseRecord = { ...record, ...changes },
): Promise<Mutation> {
  const mutation: Mutation = {
    mutation_id: crypto.randomUUID(),
    op: 'update',
    id: record.id,
    base_version: record.version,
    changes,
    queued_at: new Date().toISOString(),
    shown: shownChange(record, local),
  };
  await vault.put('queue', queueKey(mutation), mutation);
  // The device shows the change at once; the server's answer replaces it when the push lands.
  await vault.put('records', record.id, local);
  askForBackgroundSync();
  return mutation;
}

/** A record made on the device: its id is the client's, so the server keeps it and a retry is harmless. */
export async function queueCreate(vault: Vault, record: CaseRecord) {
  const mutation: Mutation = {
    mutation_id: crypto.randomUUID(),
    op: 'create',
    id: record.id,
    changes: Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'id')),
    queued_at: new Date().toISOString(),
  };
  await vault.put('queue', queueKey(mutation), mutation);
  await vault.put('records', record.id, record);
  askForBackgroundSync();
}

export const pendingMutations = (vault: Vault) => vault.all<Mutation>('queue');

/**
 * Drops refused changes of one record the user chose to give up (the only way an entry leaves unsent), and
 * takes them off the device's copy: it becomes `server`'s copy when given and nothing else waits for the
 * record, else the copy with each change taken back (offline, or with other changes still to send).
 */
export async function discardMutations(vault: Vault, refused: Mutation[], server?: CaseRecord) {
  for (const m of refused) await vault.delete('queue', queueKey(m));
  const id = refused[0]?.id;
  if (!id) return;
  if (server && !(await pendingMutations(vault)).some((m) => m.id === id))
    return vault.put('records', id, server);
  const local = await vault.get<CaseRecord>('records', id);
  if (!local) return;
  // Newest first, each taken back from what the ones after it left.
  const taken = [...refused].reverse().reduce((r, m) => (m.shown ? revert(r, m.shown) : r), local);
  await vault.put('records', id, taken);
}

/** Pushes the queue oldest first; an entry leaves the device only once the server has answered for it. */
export async function push(vault: Vault): Promise<void> {
  const queue = (await pendingMutations(vault)).filter((m) => !m.rejected);
  if (!queue.length) return;
  const { data } = await api.pushCases(
    queue.map(({ mutation_id, op, id, base_version, changes }) => ({
      mutation_id,
      op,
      id,
      base_version,
      changes,
    })),
  );
  for (const result of data) {
    const mutation = queue.find((m) => m.mutation_id === result.mutation_id);
    if (!mutation) continue;
    // A replay answers "duplicate" with the first outcome: a refusal stays a refusal.
    if (result.result === 'rejected' || result.first_result === 'rejected') {
      await vault.put('queue', queueKey(mutation), {
        ...mutation,
        rejected: 'The server refused this change',
        errors: result.errors,
      });
      continue;
    }
    // A conflict's record carries the offline values in `sync_conflicts`: the home screen lists it as a task.
    if (result.record) await vault.put('records', result.record.id, result.record);
    await vault.delete('queue', queueKey(mutation));
  }
}

/**
 * Pulls the caseload changed since the last cursor into the vault. True for a device's first pull: the
 * server leaves the last seconds' writes for the next pull (docs/api.md), and a new device should not wait
 * the timer's half minute for them.
 */
export async function pull(vault: Vault): Promise<boolean> {
  let cursor = await vault.get<string>('meta', 'cursor');
  const first = cursor === undefined;
  const pending = new Set((await pendingMutations(vault)).map((m) => m.id));
  for (;;) {
    const page = await api.pullCases(cursor);
    for (const record of page.data) {
      if (record.deleted) await vault.delete('records', record.id);
      // A record with changes waiting keeps its local copy until they are pushed.
      else if (!pending.has(record.id)) await vault.put('records', record.id, record);
    }
    cursor = page.metadata.next_cursor;
    await vault.put('meta', 'cursor', cursor);
    if (!page.metadata.has_more) return first;
  }
}

// The online event, focus and the timer often fire together: one sync at a time, the others wait for it.
let running: Promise<boolean> | undefined;
/** One sync (push, files, pull); true when it was the device's first pull, which leaves recent writes out. */
export function syncNow(vault: Vault): Promise<boolean> {
  running ??= syncOnce(vault).finally(() => (running = undefined));
  return running;
}

async function syncOnce(vault: Vault): Promise<boolean> {
  await push(vault);
  // Files after records: a photo of a case created offline needs the case on the server first.
  await flushUploads(vault);
  const first = await pull(vault);
  await vault.setSyncedAt(new Date().toISOString());
  return first;
}

/** How long after a first pull the writes it left out are settled on the server (its 2-3 s, and a margin). */
export const SETTLED_AFTER_MS = 4_000;
