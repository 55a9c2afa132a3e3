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

/**
 * What an open case is waiting for, and when each becomes overdue, in the country's time zone: a follow-up
 * not done by its needed-by date, a service not implemented by its response deadline (requested time +
 * timeframe) or appointment date, an assessment or case plan not started by its due date.
 */
export function computeReminders(c: Fields, timeZone: string, approvalDays = 3): Reminder[] {
  if (c.status !== 'open' || c.enabled === false) return [];
  const reminders: Omit<Reminder, 'id'>[] = [];
  for (const f of entries(c.followup_subform_section)) {
    if (typeof f.followup_needed_by_date === 'string' && !f.followup_date) {
      reminders.push({
        type: 'followup_due',
        ref: String(f.unique_id),
        ...dueOn(f.followup_needed_by_date, timeZone),
      });
    }
  }
  for (const s of entries(c.services_section)) {
    if (s.service_implemented === 'implemented') continue;
    const requested =
      typeof s.service_response_day_time === 'string' ? Date.parse(s.service_response_day_time) : NaN;
    const window = timeframeMs[String(s.service_response_timeframe)];
    if (!Number.isNaN(requested) && window) {
      reminders.push({
        type: 'service_due',
        ref: String(s.unique_id),
        ...dueAt(requested + window, timeZone),
      });
    } else if (typeof s.service_appointment_date === 'string') {
      reminders.push({
        type: 'service_due',
        ref: String(s.unique_id),
        ...dueOn(s.service_appointment_date, timeZone),
      });
    }
  }
  if (typeof c.assessment_due_date === 'string' && !c.assessment_requested_on) {
    reminders.push({
      type: 'assessment_due',
      ref: 'assessment_due_date',
      ...dueOn(c.assessment_due_date, timeZone),
    });
  }
  if (typeof c.case_plan_due_date === 'string' && !c.date_case_plan) {
    reminders.push({
      type: 'case_plan_due',
      ref: 'case_plan_due_date',
      ...dueOn(c.case_plan_due_date, timeZone),
    });
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
export function withReminders(c: Fields, timeZone: string, approvalDays?: number): void {
  const reminders = computeReminders(c, timeZone, approvalDays);
  const ids = new Set(reminders.map((r) => r.id));
  const alerted = ((c.alerted_reminders as string[]) ?? []).filter((id) => ids.has(id));
  c.reminders = reminders;
  c.alerted_reminders = alerted;
  c.next_due_at = reminders.find((r) => !alerted.includes(r.id))?.due_at ?? null;
}
