import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { CountrySettings } from '../countries/types';
import type { FieldProtection } from '../crypto/protectionClass';
import type { RecordRoles } from '../forms/fieldRoles';
import type { ModuleId } from '../users/types';
import type { RecordType } from './recordTypeNames';

export { recordTypes, type RecordType } from './recordTypeNames';

export interface DeriveContext {
  previous: Record<string, unknown>;
  principal: Principal;
  now: Date;
  /** The country's local date. */
  today: string;
  settings: CountrySettings;
  /** The fields playing the behaviours' roles in the record's forms (forms/fieldRoles.ts). */
  roles: RecordRoles;
}

export type RangeKind = 'int' | 'date' | 'datetime';

/**
 * What differs between cases, incidents and tracing requests. Everything else — storage, sealing, scope,
 * CRUD, lists, flags, alerts, attachments, history, sync — is one code path that reads its kind from here.
 */
export interface RecordKind {
  type: RecordType;
  /** The URL segment and the role permission resource (`cases`). */
  resource: 'cases' | 'incidents' | 'tracing_requests';
  /** For messages: "Case not found". */
  label: string;
  /** The modules a record of this type can belong to (Primero's associated_record_types). */
  modules: readonly ModuleId[];
  /** Every field a client may set. */
  fields: z.ZodObject;
  /** The record as it leaves the server (for `fields=` and the OpenAPI document). */
  record: z.ZodObject;
  subforms: ReadonlySet<string>;
  serverOwned: ReadonlySet<string>;
  /** The type's own fields kept in clear whatever the forms say; the forms class the rest (records/protection.ts). */
  protection: FieldProtection;
  /** The human-facing id field (`case_id_display`), and the type's own id fields. */
  displayField: string;
  identity(id: string, shortId: string): Record<string, string>;
  /** Defaults of a new record, before the client's fields. */
  defaults(today: string): Record<string, unknown>;
  /** Fields computed from others on every save. */
  derive(fields: Record<string, unknown>, ctx: DeriveContext): void;
  list: {
    orderable: readonly string[];
    filters: readonly string[];
    ranges: Readonly<Record<string, RangeKind>>;
    shortFields: readonly string[];
  };
}
