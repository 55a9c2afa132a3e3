import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { findCaseFor } from '../cases/caseAccess';
import type { CaseDeps } from '../cases/caseDeps';
import type { CaseDocument } from '../cases/caseDocument';
import { writeCase } from '../cases/caseWriter';
import { localDate } from '../countries/countrySettingsRepository';
import { AppError, notFound, unprocessable } from '../errors';
import type { Flag } from './schema';

const flagsOf = (doc: CaseDocument) => (Array.isArray(doc.flags) ? (doc.flags as Flag[]) : []);
const withFlags = (doc: CaseDocument, flags: Flag[]): CaseDocument => ({
  ...doc,
  flags,
  flag_count: flags.filter((f) => !f.removed).length,
});

/** Flags a case (role permission `flag`); flag_count counts the flags not removed. */
export async function addFlag(
  deps: CaseDeps,
  principal: Principal,
  recordId: string,
  input: { date?: string; message: string },
) {
  const settings = await deps.settings.get(principal.countryCode);
  let flag: Flag | undefined;
  await writeCase(deps, principal, {
    id: recordId,
    action: 'flag',
    ifMatch: null,
    change: (doc, now) => {
      const id = randomUUID();
      flag = {
        id,
        unique_id: id,
        record_id: doc.id,
        record_type: 'cases',
        date: input.date ?? localDate(now, settings.time_zone),
        message: input.message,
        flagged_by: principal.user.user_name,
        created_at: now.toISOString(),
        removed: false,
      };
      return withFlags(doc, [...flagsOf(doc), flag]);
    },
  });
  return flag as Flag;
}

export async function unflag(
  deps: CaseDeps,
  principal: Principal,
  recordId: string,
  flagId: string,
  message: string,
) {
  let result: Flag | undefined;
  await writeCase(deps, principal, {
    id: recordId,
    action: 'flag',
    ifMatch: null,
    change: (doc, now) => {
      const flag = flagsOf(doc).find((f) => f.id === flagId);
      if (!flag) throw notFound('Flag not found');
      if (flag.removed) throw unprocessable([{ detail: 'flag_id', message: 'is already removed' }]);
      result = {
        ...flag,
        removed: true,
        unflag_message: message,
        unflagged_by: principal.user.user_name,
        unflagged_date: now.toISOString(),
      };
      return withFlags(
        doc,
        flagsOf(doc).map((f) => (f.id === flagId ? (result as Flag) : f)),
      );
    },
  });
  return result as Flag;
}

export async function recordFlags(deps: CaseDeps, principal: Principal, recordId: string): Promise<Flag[]> {
  return flagsOf(await findCaseFor(deps.cases, principal, recordId, 'read'));
}

/**
 * Flags up to 100 cases at once. Cases the caller may not flag are left out without saying why (as a
 * single request would answer 404), and the answer lists the flags made.
 */
export async function bulkFlag(
  deps: CaseDeps,
  principal: Principal,
  ids: string[],
  input: { date?: string; message: string },
) {
  const flags: Flag[] = [];
  for (const id of new Set(ids)) {
    try {
      flags.push(await addFlag(deps, principal, id, input));
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 404 && error.status !== 403)) throw error;
    }
  }
  return flags;
}
