import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { findRecordFor } from '../records/recordAccess';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordDocument } from '../records/recordDocument';
import type { RecordRepository } from '../records/recordRepository';
import { writeRecord } from '../records/recordWriter';
import { localDate } from '../countries/countrySettingsRepository';
import { AppError, notFound, unprocessable } from '../errors';
import type { Flag } from './schema';
import { msg, type MessageKey } from '../messages/catalogue';

const flagsOf = (doc: RecordDocument) => (Array.isArray(doc.flags) ? (doc.flags as Flag[]) : []);
const withFlags = <T extends RecordDocument>(doc: T, flags: Flag[]): T => ({
  ...doc,
  flags,
  flag_count: flags.filter((f) => !f.removed).length,
});

/** A flag as written, with the record it was written to (for its new flag_count). */
export interface FlagWrite {
  flag: Flag;
  doc: RecordDocument;
}

/** Flags a record (role permission `flag`); flag_count counts the flags not removed. */
export async function addFlag(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  input: { date?: string; message: string },
): Promise<FlagWrite> {
  const settings = await deps.settings.get(principal.countryCode);
  let flag: Flag | undefined;
  const doc = await writeRecord(deps, repo, principal, {
    id: recordId,
    action: 'flag',
    ifMatch: null,
    change: (doc, now) => {
      const id = randomUUID();
      flag = {
        id,
        unique_id: id,
        record_id: doc.id,
        record_type: repo.kind.resource,
        date: input.date || localDate(now, settings.time_zone),
        message: input.message,
        flagged_by: principal.user.user_name,
        created_at: now.toISOString(),
        removed: false,
      };
      return withFlags(doc, [...flagsOf(doc), flag]);
    },
  });
  return { flag: flag as Flag, doc };
}

/** Removes an active flag with a message (role permission `flag`). */
export const unflag = (
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  flagId: string,
  message: string,
) =>
  changeActiveFlag(deps, repo, principal, recordId, flagId, 'flag_already_removed', (flag, now) => ({
    ...flag,
    removed: true,
    unflag_message: message,
    unflagged_by: principal.user.user_name,
    unflagged_date: now.toISOString(),
  }));

/** Edits an active flag's message or date (role permission `flag`); a removed flag stays as it was removed. */
export const editFlag = (
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  flagId: string,
  edit: { message?: string; date?: string },
) =>
  changeActiveFlag(deps, repo, principal, recordId, flagId, 'flag_removed_no_edit', (flag) => ({
    ...flag,
    ...(edit.message ? { message: edit.message } : {}),
    ...(edit.date ? { date: edit.date } : {}),
  }));

async function changeActiveFlag(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
  flagId: string,
  whenRemoved: MessageKey,
  change: (flag: Flag, now: Date) => Flag,
): Promise<FlagWrite> {
  let result: Flag | undefined;
  const doc = await writeRecord(deps, repo, principal, {
    id: recordId,
    action: 'flag',
    ifMatch: null,
    change: (doc, now) => {
      const flag = flagsOf(doc).find((f) => f.id === flagId);
      if (!flag) throw notFound(msg('flag_not_found'));
      if (flag.removed) throw unprocessable([{ detail: 'flag_id', ...msg(whenRemoved) }]);
      const changed = change(flag, now);
      result = changed;
      return withFlags(
        doc,
        flagsOf(doc).map((f) => (f.id === flagId ? changed : f)),
      );
    },
  });
  return { flag: result as Flag, doc };
}

export async function recordFlags(
  repo: RecordRepository,
  principal: Principal,
  recordId: string,
): Promise<Flag[]> {
  return flagsOf(await findRecordFor(repo, principal, recordId, 'read'));
}

/**
 * Flags up to 100 records of one type at once. Records the caller may not flag are left out without saying why (as a
 * single request would answer 404), and the answer lists the flags made.
 */
export async function bulkFlag(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  ids: string[],
  input: { date?: string; message: string },
) {
  const flags: Flag[] = [];
  for (const id of new Set(ids)) {
    try {
      flags.push((await addFlag(deps, repo, principal, id, input)).flag);
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 404 && error.status !== 403)) throw error;
    }
  }
  return flags;
}
