import type { RecordRoles } from '../forms/fieldRoles';
import { localDate, overdueFrom } from './zonedTime';

export type ReminderType = 'followup_due' | 'service_due' | 'assessment_due' | 'case_plan_due' | 'approval';

export interface Reminder {
  /** Stable for the same item and due time: the alert made from it has a deterministic id. */
  id: string;
  type: ReminderType;
  due_at: string;
  /**
   * The local calendar date it is due: the date the caseworker entered, or for a deadline with a time (a
   * service's response window, an approval) the date that deadline falls on in the country's zone.
   */
  due_date: string;
  /** The subform entry (unique_id) or field it is about. */
  ref: string;
  /** The form holding what it is about (alerts name it); absent on reminders stored before forms had roles. */
  form_unique_id?: string;
}

type Fields = Record<string, unknown>;
type Entry = Record<string, unknown>;
const entries = (v: unknown): Entry[] => (Array.isArray(v) ? (v as Entry[]) : []);
const timeframeMs: Record<string, number> = {
  '1_hour': 3_600_000,
  '3_hours': 10_800_000,
  '1_day': 86_400_000,
  '3_days': 259_200_000,
};

/** Due on a local date: overdue from the start of the next local day, and still dated the day entered. */
const dueOn = (date: string, timeZone: string) => ({
  due_at: overdueFrom(date, timeZone).toISOString(),
  due_date: date,
});
const dueAt = (instant: number, timeZone: string) => ({
  due_at: new Date(instant).toISOString(),
  due_date: localDate(new Date(instant), timeZone),
});

/** Implemented: the option `implemented`, or a ticked box. */
export const isImplemented = (value: unknown) => value === 'implemented' || value === true;

/**
 * What an open case is waiting for, and when each becomes overdue, in the country's time zone: a follow-up
 * not done by its needed-by date, a service not implemented by its response deadline (requested time +
 * timeframe) or appointment date, an assessment or case plan not started by its due date. Each field is the
 * one playing its role in the case's forms (forms/fieldRoles.ts); a role nobody plays gives no reminder.
 */
export function computeReminders(
  c: Fields,
  timeZone: string,
  { fields: f, forms }: RecordRoles,
  approvalDays = 3,
): Reminder[] {
  if (c.status !== 'open' || c.enabled === false) return [];
  const reminders: Omit<Reminder, 'id'>[] = [];
  const get = (entry: Entry, key: string | undefined) => (key === undefined ? undefined : entry[key]);
  const followups = f.followup_subform === undefined ? [] : entries(c[f.followup_subform]);
  for (const e of followups) {
    const due = get(e, f.followup_due_date);
    if (typeof due === 'string' && !get(e, f.followup_done_date)) {
      reminders.push({
        type: 'followup_due',
        ref: String(e.unique_id),
        form_unique_id: forms.followup_subform,
        ...dueOn(due, timeZone),
      });
    }
  }
  const services = f.services_subform === undefined ? [] : entries(c[f.services_subform]);
  for (const s of services) {
    if (isImplemented(get(s, f.service_implemented))) continue;
    const requestedAt = get(s, f.service_requested_at);
    const requested = typeof requestedAt === 'string' ? Date.parse(requestedAt) : NaN;
    const window = timeframeMs[String(get(s, f.service_timeframe))];
    const appointment = get(s, f.service_appointment_date);
    const service = {
      type: 'service_due',
      ref: String(s.unique_id),
      form_unique_id: forms.services_subform,
    } as const;
    if (!Number.isNaN(requested) && window) {
      reminders.push({ ...service, ...dueAt(requested + window, timeZone) });
    } else if (typeof appointment === 'string') {
      reminders.push({ ...service, ...dueOn(appointment, timeZone) });
    }
  }
  for (const [type, dueRole, doneRole] of [
    ['assessment_due', 'assessment_due_date', 'assessment_started_on'],
    ['case_plan_due', 'case_plan_due_date', 'case_plan_started_on'],
  ] as const) {
    const dueField = f[dueRole];
    const due = dueField === undefined ? undefined : c[dueField];
    const doneField = f[doneRole];
    if (typeof due === 'string' && !(doneField !== undefined && c[doneField])) {
      reminders.push({
        type,
        ref: dueField as string,
        form_unique_id: forms[dueRole],
        ...dueOn(due, timeZone),
      });
    }
  }
  // An approval still pending `approvalDays` after it was requested.
  for (const type of ['assessment', 'case_plan', 'closure', 'action_plan', 'gbv_closure']) {
    if (c[`approval_status_${type}`] !== 'requested') continue;
    const request = entries(c.approval_subforms)
      .filter((a) => a.approval_requested_for === type && a.approval_status === 'requested')
      .at(-1);
    const requested = typeof request?.approval_date === 'string' ? Date.parse(request.approval_date) : NaN;
    if (!Number.isNaN(requested)) {
      reminders.push({
        type: 'approval',
        ref: `approval_${type}`,
        ...dueAt(requested + approvalDays * 86_400_000, timeZone),
      });
    }
  }
  return reminders
    .map((r) => ({ ...r, id: `${r.type}:${r.ref}:${r.due_at}` }))
    .sort((a, b) => (a.due_at < b.due_at ? -1 : 1));
}

/** Reminders recomputed for a save: alerts already made stay made; next_due_at is the first one still to alert. */
export function withReminders(c: Fields, timeZone: string, roles: RecordRoles, approvalDays?: number): void {
  const reminders = computeReminders(c, timeZone, roles, approvalDays);
  const ids = new Set(reminders.map((r) => r.id));
  const alerted = ((c.alerted_reminders as string[]) ?? []).filter((id) => ids.has(id));
  c.reminders = reminders;
  c.alerted_reminders = alerted;
  c.next_due_at = reminders.find((r) => !alerted.includes(r.id))?.due_at ?? null;
}
