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

/** A note typed on a case and not yet added: kept like the case's edits, one per case. */
export interface NoteDraft {
  subject: string;
  text: string;
  at: string;
}

const NOTE_PREFIX = 'draft-note:';
const noteKey = (id: string) => `${NOTE_PREFIX}${id}`;
export const keepNote = (vault: Vault, id: string, draft: NoteDraft) =>
  inTurn(() => vault.put('meta', noteKey(id), draft));
export const dropNote = (vault: Vault, id: string) => inTurn(() => vault.delete('meta', noteKey(id)));
export const readNote = (vault: Vault, id: string) => inTurn(() => vault.get<NoteDraft>('meta', noteKey(id)));

/** Settles once every draft write begun so far has: the vault is closed after them, not under them. */
export const draftsWritten = (): Promise<unknown> => writes;

/** A case on the device holding something typed and not saved: edits of its form, a note, or both. */
export interface UnsavedCase {
  id: string;
  /** As the case is named to its worker (its edits' base when it has one: what they were typed on). */
  name: string;
  /** When it was last typed. */
  at: string;
  /** Where the case opens to show it: its notes, when a note is all it holds. */
  place?: 'notes';
}

/**
 * The cases holding edits or notes not saved, of cases still on the device (one that left the caseload can
 * no longer be saved to), latest first: Home lists them, and they hold a regional user in the country.
 */
export async function draftsOnDevice(vault: Vault): Promise<UnsavedCase[]> {
  const onDevice = new Set(await vault.keys('records'));
  const metaKeys = await vault.keys('meta');
  const idsAfter = (prefix: string) =>
    metaKeys.flatMap((k) =>
      k.startsWith(prefix) && onDevice.has(k.slice(prefix.length)) ? [k.slice(prefix.length)] : [],
    );
  const found = new Map<string, UnsavedCase>();
  const note = (id: string, name: string, at: string, place?: 'notes') => {
    const known = found.get(id);
    if (!known) return void found.set(id, { id, name, at, place });
    if (known.at < at) known.at = at;
    delete known.place; // the form's edits too: the case opens at its top
  };
  for (const id of idsAfter(PREFIX)) {
    const draft = await readDraft(vault, id);
    if (draft && Object.keys(draft.changes).length)
      note(id, draft.base.name ?? draft.base.case_id_display ?? id, draft.at);
  }
  for (const id of idsAfter(NOTE_PREFIX)) {
    const draft = await readNote(vault, id);
    const record = draft && (await vault.get<CaseRecord>('records', id));
    if (draft && record) note(id, record.name ?? record.case_id_display ?? id, draft.at, 'notes');
  }
  return [...found.values()].sort((a, b) => b.at.localeCompare(a.at));
}
