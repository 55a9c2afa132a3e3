import type { Principal } from '../auth/principal';
import type { RecordRepository } from '../records/recordRepository';
import type { Clock } from '../clock';
import type { CaseDocument } from '../records/recordDocument';
import type { FieldGrants } from '../forms/fieldAccess';
import type { FieldRole, RecordRoles } from '../forms/fieldRoles';
import type { FormRoles } from '../forms/formRoles';
import type { Reminder } from './reminderRules';
import { reminderReadable } from '../records/reminderSubject';

const taskTypes: Record<string, string> = {
  followup_due: 'follow_up',
  service_due: 'service',
  assessment_due: 'assessment',
  case_plan_due: 'case_plan',
};
const WEEK_MS = 7 * 86_400_000;
/** Primero's keys: the role of the field that completes the task, its label, the role of its detail. */
const completion: Record<string, { field: FieldRole; display: string; detail?: FieldRole }> = {
  follow_up: { field: 'followup_done_date', display: 'Follow up', detail: 'followup_type' },
  service: { field: 'service_implemented_on', display: 'Service', detail: 'service_type' },
  assessment: { field: 'assessment_started_on', display: 'Assessment' },
  case_plan: { field: 'case_plan_started_on', display: 'Case plan' },
};
/** The subform entry a task is about (its `ref`), for Primero's `detail`. */
const entryOf = (
  doc: CaseDocument,
  ref: string,
  { fields }: RecordRoles,
): Record<string, unknown> | undefined =>
  [fields.followup_subform, fields.services_subform]
    .flatMap((key) =>
      key !== undefined && Array.isArray(doc[key]) ? (doc[key] as Record<string, unknown>[]) : [],
    )
    .find((e) => e.unique_id === ref);

/**
 * GET /tasks: the caller's own work (cases they own or are assigned to, open), from the same reminders the
 * alerts come from: `due_date` is the local date it is due, `due_at` the instant it becomes overdue, `upcoming_soon` within 7 days.
 */
export async function listTasks(
  deps: { cases: RecordRepository<CaseDocument>; clock: Clock; roles: Pick<FormRoles, 'current'> },
  principal: Principal,
  /** The caller's form grants: a task about a form the role may not read is not listed. */
  grants: FieldGrants,
) {
  // A case that fails its integrity check is left out and named (`unreadable`): the caller's other tasks
  // still list, and the caller knows some are missing.
  const items = await deps.cases.queryEach(
    principal.countryCode,
    "SELECT * FROM c WHERE c.record_type = 'case' AND c.country_code = @country AND c.enabled = true AND c.status = 'open' AND ARRAY_CONTAINS(@modules, c.module_id) AND ARRAY_CONTAINS(c.associated_user_names, @me) AND ARRAY_LENGTH(c.reminders) > 0",
    [
      { name: '@country', value: principal.countryCode },
      { name: '@modules', value: principal.role.module_unique_ids },
      { name: '@me', value: principal.user.user_name },
    ],
  );
  const docs = items.flatMap((item) => ('doc' in item ? [item.doc] : []));
  const unreadable = items.flatMap((item) => ('unreadable' in item ? [item.unreadable.id] : []));
  const now = deps.clock.now().getTime();
  const index = await deps.roles.current(principal.countryCode);
  const tasks = docs
    .flatMap((doc) => {
      const roles = index.of('case', doc.module_id);
      return (doc.reminders as Reminder[])
        .filter((r) => r.type in taskTypes && reminderReadable(grants, doc, r.ref))
        .map((r) => {
          const due = Date.parse(r.due_at);
          const type = taskTypes[r.type] ?? r.type;
          const how = completion[type];
          const detailField = how?.detail && roles.fields[how.detail];
          const detail = detailField ? entryOf(doc, r.ref, roles)?.[detailField] : undefined;
          return {
            // Primero's `id` is the case's; `record_id` is ours (and its documentation's).
            id: doc.id,
            record_type: 'case',
            record_id: doc.id,
            record_id_display: doc.case_id_display,
            module_unique_id: doc.module_id,
            // Survivors' names stay hidden in lists (GBV), as on /cases.
            name: doc.module_id === 'primeromodule-gbv' ? '*******' : (doc.name ?? null),
            type,
            type_display: how?.display ?? type,
            completion_field: (how && roles.fields[how.field]) ?? null,
            detail: typeof detail === 'string' ? detail : null,
            // The follow-up's or service's subform entry, so a client can open the case at it.
            entry_id: how?.detail ? r.ref : null,
            // The local date the item is due, as entered; the instant it becomes overdue orders the list.
            due_date: r.due_date ?? r.due_at.slice(0, 10),
            due_at: r.due_at,
            overdue: due <= now,
            upcoming_soon: due > now && due - now <= WEEK_MS,
            priority: typeof doc.risk_level === 'string' ? doc.risk_level : 'none',
          };
        });
    })
    .sort((a, b) => (a.due_at < b.due_at ? -1 : 1));
  return { tasks, unreadable };
}
