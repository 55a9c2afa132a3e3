import { z } from 'zod';
import { approvalTypes } from '../approvals/approvals';
import type { RecordKind } from '../records/recordKind';

// What a presented record carries besides its form fields, for the document only: the server writes these
// (flags, casework, sync conflicts), so no request schema describes them. Objects stay open (`loose`):
// a field added later, or a country's custom field, must not make a valid answer invalid.
const flag = z.looseObject({
  id: z.string(),
  unique_id: z.string(),
  record_id: z.string(),
  record_type: z.string(),
  date: z.string(),
  message: z.string(),
  flagged_by: z.string(),
  created_at: z.string(),
  removed: z.boolean(),
  // Null until the flag is removed (Primero's shape, as answered by the flag endpoints).
  unflag_message: z.string().nullable().optional(),
  unflagged_by: z.string().nullable().optional(),
  unflagged_date: z.string().nullable().optional(),
});
const transition = z.looseObject({
  id: z.string(),
  unique_id: z.string(),
  type: z.enum(['assign', 'referral', 'transfer', 'transfer_request']),
  transitioned_to: z.string(),
  transitioned_by: z.string(),
  notes: z.string().optional(),
  status: z.enum(['done', 'in_progress', 'accepted', 'rejected', 'revoked']),
  created_at: z.string(),
});
const approval = z.looseObject({
  unique_id: z.string().optional(),
  approval_requested_for: z.enum(approvalTypes),
  approval_status: z.enum(['requested', 'approved', 'rejected']),
  approval_date: z.string(),
});
const syncConflict = z.looseObject({
  field: z.string(),
  client_value: z.unknown(),
  server_value: z.unknown(),
  user_name: z.string(),
  at: z.string(),
  mutation_id: z.string(),
  /** `not_permitted`: a value the pushing role could not write, kept for a role that may (fieldPermissions). */
  reason: z.enum(['not_permitted']).optional(),
});
const reminder = z.looseObject({
  id: z.string(),
  type: z.string(),
  due_at: z.string(),
  due_date: z.string().optional(),
  ref: z.string(),
});

/** A record as the API presents it: the form and server fields, the server-written lists, custom fields. */
export const documentedRecord = (kind: RecordKind) =>
  kind.record
    .extend({
      reminders: z.array(reminder),
      flags: z.array(flag).optional(),
      transitions: z.array(transition).optional(),
      approval_subforms: z.array(approval).optional(),
      sync_conflicts: z.array(syncConflict).optional(),
      ...Object.fromEntries(
        approvalTypes.map((t) => [`approval_status_${t}`, z.string().nullable().optional()]),
      ),
    })
    .loose();

export const listMetadata = z.object({
  total: z.int(),
  per: z.int(),
  page: z.int(),
  unreadable: z
    .array(z.string())
    .optional()
    .meta({ description: 'Ids of records of the page left out: they failed their integrity check' }),
});
export const listOf = (item: z.ZodType) => z.object({ data: z.array(item), metadata: listMetadata });

/** GET /sync/{type}: records changed since the cursor, or tombstones of those gone from the caller's reach. */
export const syncPullSchema = z.object({
  data: z.array(z.looseObject({ id: z.string(), deleted: z.literal(true).optional() })),
  metadata: z.object({
    next_cursor: z.string(),
    has_more: z.boolean(),
    forms_version: z.int().meta({ description: 'An app holding an older one refreshes GET /forms' }),
    unreadable: listMetadata.shape.unreadable,
  }),
});

/** GET /tasks items (docs/api.md, "Tasks"). */
export const taskSchema = z.looseObject({
  record_type: z.literal('case'),
  record_id: z.string(),
  record_id_display: z.string(),
  type: z.enum(['assessment', 'case_plan', 'follow_up', 'service']),
  due_date: z.string().meta({ description: 'The local date it is due, as entered' }),
  due_at: z.string().meta({ description: 'When it becomes overdue' }),
  overdue: z.boolean(),
  upcoming_soon: z.boolean(),
  priority: z.string(),
  id: z.string(),
  module_unique_id: z.string(),
  name: z.string().nullable(),
  type_display: z.string(),
  completion_field: z.string().nullable(),
  detail: z.string().nullable(),
  entry_id: z.string().nullable(),
});

export const flagListItemSchema = flag;

/** GET/PATCH /users/me (docs/api.md, "Sessions"). */
export const ownAccountSchema = z.looseObject({
  id: z.string(),
  user_name: z.string(),
  full_name: z.string(),
  email: z.string().nullable(),
  locale: z.string(),
  country_codes: z.array(z.string()),
  country_code: z.string(),
  role_unique_id: z.string(),
  role_name: z.string(),
  group_permission: z.enum(['self', 'group', 'agency', 'all']),
  permissions: z.array(z.object({ resource: z.string(), actions: z.array(z.string()) })),
  module_unique_ids: z.array(z.string()),
  permitted_form: z.record(z.string(), z.enum(['r', 'rw'])),
  user_group_unique_ids: z.array(z.string()),
  agency_unique_id: z.string(),
  totp_enabled: z.boolean(),
});
