import type { ModuleId } from '../users/types';
import type { RecordType } from './recordKind';

/** A record as stored in the `records` container (server fields + client fields + Cosmos system fields). */
export interface RecordDocument {
  id: string;
  record_type: RecordType;
  country_code: string;
  short_id: string;
  module_id: ModuleId;
  enabled: boolean;
  owned_by: string;
  owned_by_agency_id: string;
  owned_by_groups: string[];
  assigned_user_names: string[];
  associated_user_names: string[];
  created_at: string;
  created_by: string;
  last_updated_at: string;
  last_updated_by: string;
  version: number;
  flag_count: number;
  alert_count: number;
  reminders: { id: string; type: string; due_at: string; ref: string }[];
  next_due_at: string | null;
  /** Hash of the create request, so that a retried offline create is recognised (never presented). */
  create_fingerprint: string;
  _etag?: string;
  _ts?: number;
  [field: string]: unknown;
}

/** A case: a record with the casework fields. */
export interface CaseDocument extends RecordDocument {
  record_type: 'case';
  case_id: string;
  case_id_display: string;
  workflow: string;
  registration_date: string;
  age: number | null;
}
