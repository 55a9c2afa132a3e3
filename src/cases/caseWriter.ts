import type { Principal } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import type { CaseDocument } from '../records/recordDocument';
import { writeRecord, type RecordWrite } from '../records/recordWriter';

/** A write to a case, for the casework only cases have (approvals, transitions, reminders). */
export const writeCase = (
  deps: Pick<RecordDeps, 'cases' | 'history' | 'clock'>,
  principal: Principal,
  write: RecordWrite<CaseDocument>,
) => writeRecord(deps, deps.cases, principal, write);
