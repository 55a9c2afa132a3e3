import type { Clock } from '../clock';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { FieldAccess } from '../forms/fieldAccess';
import type { FormRoles } from '../forms/formRoles';
import type { FormValidation } from '../forms/formValidation';
import type { RecordHistory } from '../history/recordHistory';
import type { IdReservations } from './idReservations';
import type { CaseDocument } from './recordDocument';
import type { RecordType } from './recordKind';
import type { RecordRepository } from './recordRepository';

export interface RecordDeps {
  /** One repository per record type, over the same container. */
  repos: Readonly<Record<RecordType, RecordRepository>>;
  /** `repos.case`, typed for the casework that only cases have (approvals, transitions, reminders). */
  cases: RecordRepository<CaseDocument>;
  history: RecordHistory;
  /** Client-supplied record and attachment ids, unique across countries. */
  ids: IdReservations;
  settings: CountrySettingsRepository;
  /** Which record keys the caller's role may read and write, from the forms' grants. */
  fieldAccess: FieldAccess;
  /** Each country's published forms, compiled to check record writes. */
  validation: FormValidation;
  /** Which field plays each behaviour's role (follow-ups, services, closure date...) in the forms. */
  roles: FormRoles;
  clock: Clock;
}
