import type { Principal } from '../auth/principal';
import type { RecordRepository } from '../records/recordRepository';
import type { Clock } from '../clock';
import type { CaseDocument } from '../records/recordDocument';
import type { Reminder } from './reminderRules';

const taskTypes: Record<string, string> = {
  followup_due: 'follow_up',
  service_due: 'service',
  assessment_due: 'assessment',
  case_plan_due: 'case_plan',
};
const WEEK_MS = 7 * 86_400_000;
/** Primero's keys: the field that completes the task, and its label. */
const completion: Record<string, { field: string; display: string; detail?: string }> = {
  follow_up: { field: 'followup_date', display: 'Follow up', detail: 'followup_type' },
  service: { field: 'service_implemented_day_time', display: 'Service', detail: 'service_type' },
  assessment: { field: 'assessment_requested_on', display: 'Assessment' },
  case_plan: { field: 'date_case_plan', display: 'Case plan' },
};
/** The subform entry a task is about (its `ref`), for Primero's `detail`. */
const entryOf = (doc: CaseDocument, ref: string): Record<string, unknown> | undefined =>
  [doc.followup_subform_section, doc.services_section]
    .flatMap((list) => (Array.isArray(list) ? (list as Record<string, unknown>[]) : []))
    .find((e) => e.unique_id === ref);

/**
 * GET /tasks: the caller's own work (cases they own or are assigned to, open), from the same reminders the
 * alerts come from: `due_date` is the local date it is due, `due_at` the instant it becomes overdue, `upcoming_soon` within 7 days.
 */
export async function listTasks(
  deps: { cases: RecordRepository<CaseDocument>; clock: Clock },
  principal: Principal,
) {
  const docs = await deps.cases.query(
    principal.countryCode,
    "SELECT * FROM c WHERE c.record_type = 'case' AND c.country_code = @country AND c.enabled = true AND c.status = 'open' AND ARRAY_CONTAINS(@modules, c.module_id) AND ARRAY_CONTAINS(c.associated_user_names, @me) AND ARRAY_LENGTH(c.reminders) > 0",
    [
      { name: '@country', value: principal.countryCode },
      { name: '@modules', value: principal.role.module_unique_ids },
      { name: '@me', value: principal.user.user_name },
    ],
  );
  const now = deps.clock.now().getTime();
  return docs
    .flatMap((doc) =>
      (doc.reminders as Reminder[])
        .filter((r) => r.type in taskTypes)
        .map((r) => {
          const due = Date.parse(r.due_at);
          const type = taskTypes[r.type] ?? r.type;
          const how = completion[type];
          const detail = how?.detail ? entryOf(doc, r.ref)?.[how.detail] : undefined;
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
            completion_field: how?.field ?? null,
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
        }),
    )
    .sort((a, b) => (a.due_at < b.due_at ? -1 : 1));
}
