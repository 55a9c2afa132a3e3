import type { CaseDocument } from '../cases/caseDocument';
import type { CaseRepository } from '../cases/caseRepository';
import type { Clock } from '../clock';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import { AppError } from '../errors';
import type { NotificationQueue } from '../notifications/notificationQueue';
import { alertId, type AlertStore } from './alertStore';
import { withReminders, type Reminder } from './reminderRules';

export interface ReminderJobDeps {
  cases: CaseRepository;
  alerts: AlertStore;
  queue: NotificationQueue;
  settings: CountrySettingsRepository;
  clock: Clock;
}

export interface ReminderRun {
  country_code: string;
  records: number;
  alerts_created: number;
  notifications_enqueued: number;
}

const forms: Record<string, string> = {
  followup_due: 'followup',
  service_due: 'services',
  assessment_due: 'assessment',
  case_plan_due: 'case_plan',
};

/**
 * One run for one country: only records whose next_due_at has passed, in bounded pages, so the cost
 * follows what is due, not how many cases there are. For each due reminder: enqueue its notification,
 * create its alert (deterministic id: a second or concurrent run makes none), then mark the record. A
 * crash between steps is repaired by the next run; the sender ignores a message id it already delivered.
 */
export async function runReminders(
  deps: ReminderJobDeps,
  countryCode: string,
  options = { pageSize: 100, maxRecords: 5000 },
): Promise<ReminderRun> {
  const run: ReminderRun = {
    country_code: countryCode,
    records: 0,
    alerts_created: 0,
    notifications_enqueued: 0,
  };
  const settings = await deps.settings.get(countryCode);
  const now = deps.clock.now().toISOString();
  const seen = new Set<string>();
  while (run.records < options.maxRecords) {
    const page = await deps.cases.query(
      countryCode,
      "SELECT TOP @take * FROM c WHERE c.country_code = @country AND c.record_type = 'case' AND c.enabled = true AND IS_STRING(c.next_due_at) AND c.next_due_at <= @now ORDER BY c.next_due_at ASC",
      [
        { name: '@take', value: options.pageSize + seen.size },
        { name: '@country', value: countryCode },
        { name: '@now', value: now },
      ],
    );
    const fresh = page.filter((d) => !seen.has(d.id)).slice(0, options.pageSize);
    if (fresh.length === 0) break;
    for (const doc of fresh) {
      seen.add(doc.id);
      run.records += 1;
      const alerted = new Set((doc.alerted_reminders as string[]) ?? []);
      const due = (doc.reminders as Reminder[]).filter((r) => r.due_at <= now && !alerted.has(r.id));
      for (const reminder of due) {
        const id = alertId(doc.id, reminder.id);
        await deps.queue.send({
          message_id: id,
          country_code: countryCode,
          user_name: doc.owned_by,
          record_id: doc.id,
          case_id_display: doc.case_id_display,
          alert_for: reminder.type,
          due_at: reminder.due_at,
        });
        run.notifications_enqueued += 1;
        const created = await deps.alerts.create({
          id,
          unique_id: id,
          type: 'alert',
          country_code: countryCode,
          record_id: doc.id,
          record_type: 'case',
          alert_for: reminder.type,
          form_unique_id: forms[reminder.type] ?? reminder.type,
          date: reminder.due_at.slice(0, 10),
          user_name: doc.owned_by,
          created_at: now,
        });
        if (created) run.alerts_created += 1;
      }
      await markAlerted(
        deps,
        doc,
        due.map((r) => r.id),
        settings.time_zone,
      );
    }
  }
  return run;
}

/** Records the alerts on the case (alert_count, next_due_at), re-reading if a caseworker saved meanwhile. */
async function markAlerted(
  deps: ReminderJobDeps,
  first: CaseDocument,
  reminderIds: string[],
  timeZone: string,
) {
  let doc: CaseDocument | undefined = first;
  for (let attempt = 0; doc && attempt < 5; attempt++) {
    const next: CaseDocument = {
      ...doc,
      alerted_reminders: [...new Set([...((doc.alerted_reminders as string[]) ?? []), ...reminderIds])],
    };
    withReminders(next, timeZone);
    next.alert_count = (await deps.alerts.forRecord(doc.country_code, doc.id)).length;
    try {
      await deps.cases.replace(next, doc._etag as string);
      return;
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 412) throw error;
      doc = await deps.cases.find(first.country_code, first.id);
    }
  }
}
