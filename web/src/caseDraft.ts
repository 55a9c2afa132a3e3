import type { CaseRecord } from './api';
import type { Vault } from './vault';

/**
 * Edits typed on a case and not yet saved, kept sealed on the device as they are typed: the app locking
 * after 15 minutes, a reload or a phone switched off no longer loses them. The case opens with them again.
 */
export interface CaseDraft {
  changes: Record<string, unknown>;
  /** The version the edits were made on, and its ETag: a save is still checked against that version. */
  base: CaseRecord;
  etag?: string;
  /** When they were last typed (ISO). */
  at: string;
}

const PREFIX = 'draft:';
const key = (id: string) => `${PREFIX}${id}`;
/** The case a key of the meta store holds a draft of, if it holds one. */
const draftedCase = (metaKey: string) =>
  metaKey.startsWith(PREFIX) ? metaKey.slice(PREFIX.length) : undefined;

// One after another: a draft written as the user types must not land after the save that dropped it.
let writes: Promise<unknown> = Promise.resolve();
const inTurn = <T>(write: () => Promise<T>): Promise<T> => {
  const next = writes.then(write, write);
  writes = next.catch(() => undefined);
  return next;
};

export const keepDraft = (vault: Vault, id: string, draft: CaseDraft) =>
  inTurn(() => vault.put('meta', key(id), draft));
export const dropDraft = (vault: Vault, id: string) => inTurn(() => vault.delete('meta', key(id)));
export const readDraft = (vault: Vault, id: string) => inTurn(() => vault.get<CaseDraft>('meta', key(id)));

/** What the New case form holds, as typed (the photo is not kept: its name only, to ask for it again). */
export interface NewCaseFields {
  consent: boolean;
  disclosure: boolean;
  name: string;
  sex: string;
  age: string;
  risk: string;
  photo?: string;
}

/**
 * A new case typed and not yet created, kept as it is typed like a case's edits: one at a time, under the
 * id it will be created with (a create sent before a reload, and sent again, gets the same case back).
 */
export interface NewCaseDraft {
  id: string;
  fields: NewCaseFields;
  at: string;
}

const NEW_CASE = 'draft-new-case';
export const keepNewCase = (vault: Vault, draft: NewCaseDraft) =>
  inTurn(() => vault.put('meta', NEW_CASE, draft));
export const dropNewCase = (vault: Vault) => inTurn(() => vault.delete('meta', NEW_CASE));
export const readNewCase = (vault: Vault) => inTurn(() => vault.get<NewCaseDraft>('meta', NEW_CASE));

/** Whether the form holds anything typed or ticked. */
export const typedNewCase = (f: NewCaseFields) =>
  f.consent || f.disclosure || !!(f.name.trim() || f.sex || f.age || f.risk || f.photo);

/** Settles once every draft write begun so far has: the vault is closed after them, not under them. */
export const draftsWritten = (): Promise<unknown> => writes;

/** The drafts the device holds, of cases still on it (one left the caseload cannot be saved). */
export async function draftsOnDevice(vault: Vault): Promise<{ id: string; draft: CaseDraft }[]> {
  const records = new Set(await vault.keys('records'));
  const ids = (await vault.keys('meta'))
    .map(draftedCase)
    .filter((id): id is string => !!id && records.has(id));
  const read = await Promise.all(ids.map(async (id) => ({ id, draft: await readDraft(vault, id) })));
  return read.filter(
    (d): d is { id: string; draft: CaseDraft } => !!d.draft && Object.keys(d.draft.changes).length > 0,
  );
}
