import { createHash } from 'node:crypto';
import type { CaseDocument } from '../records/recordDocument';
import type { RecordRepository } from '../records/recordRepository';
import type { Clock } from '../clock';
import type { CountrySettingsRepository } from '../countries/countrySettingsRepository';
import type { CountrySettings } from '../countries/types';
import type { RoleIndex } from '../forms/fieldRoles';
import type { FormRoles } from '../forms/formRoles';
import { AppError } from '../errors';
import { alertTally } from '../records/alertSubjects';
import type { NotificationQueue } from '../notifications/notificationQueue';
import { alertId, type AlertStore } from './alertStore';
import { withReminders, type Reminder } from './reminderRules';
import { localDate } from './zonedTime';

export interface ReminderJobDeps {
  cases: RecordRepository<CaseDocument>;
  alerts: AlertStore;
  queue: NotificationQueue;
  settings: CountrySettingsRepository;
  /** The fields playing the reminders' roles, for recomputing a case's reminders once alerted. */
  roles: Pick<FormRoles, 'current'>;
  clock: Clock;
}

export interface ReminderRun {
  country_code: string;
  records: number;
  alerts_created: number;
  notifications_enqueued: number;
  /** Due records that failed their integrity check, left out of this run (ids only: nothing sensitive). */
  unreadable_records: string[];
}

interface DueItem {
  doc: CaseDocument;
  reminder: Reminder;
  alertId: string;
}

/** The form of a reminder stored before reminders named theirs (the default forms' ids). */
const forms: Record<string, string> = {
  approval: 'approvals',
  followup_due: 'followup',
  service_due: 'services',
  assessment_due: 'assessment',
  case_plan_due: 'case_plan',
};

/**
 * One run for one country, in three steps: gather the reminders that are due, reading only cases whose
 * next_due_at has passed (bounded pages: the cost follows what is due, not how many cases there are);
 * enqueue their notifications; then create the alerts (deterministic ids: a repeated or concurrent run
 * makes none twice) and mark the cases. Notifications go first so that a crash can only cause a repeat,
 * which the sender drops by message id, never a silent miss. A due case that fails its integrity check
 * (tampered, or its key gone) is left out and named in `unreadable_records`: one such case must not hold
 * back every other child's reminders, run after run.
 */
export async function runReminders(
  deps: ReminderJobDeps,
  countryCode: string,
  options = { pageSize: 100, maxRecords: 5000 },
): Promise<ReminderRun> {
  const [settings, roles] = await Promise.all([
    deps.settings.get(countryCode),
    deps.roles.current(countryCode),
  ]);
  const now = deps.clock.now().toISOString();
  const unreadable = new Set<string>();
  const due = await gatherDue(deps, countryCode, now, options, (id) => unreadable.add(id));
  const run: ReminderRun = {
    country_code: countryCode,
    records: new Set(due.map((d) => d.doc.id)).size,
    alerts_created: 0,
    notifications_enqueued: 0,
    unreadable_records: [...unreadable],
  };

  const item = (d: DueItem) => ({
    record_id: d.doc.id,
    case_id_display: d.doc.case_id_display,
    alert_for: d.reminder.type,
    due_at: d.reminder.due_at,
    due_date: dueDate(d.reminder, settings.time_zone),
  });
  if (settings.notification_digest) {
    for (const [userName, items] of groupBy(due, (d) => d.doc.owned_by)) {
      const ids = items
        .map((d) => d.alertId)
        .sort()
        .join('|');
      await deps.queue.send({
        message_id: createHash('sha256').update(`digest|${userName}|${ids}`).digest('hex').slice(0, 32),
        kind: 'digest',
        country_code: countryCode,
        user_name: userName,
        items: items.map(item),
      });
      run.notifications_enqueued += 1;
    }
  } else {
    for (const d of due) {
      await deps.queue.send({
        message_id: d.alertId,
        country_code: countryCode,
        user_name: d.doc.owned_by,
        ...item(d),
      });
      run.notifications_enqueued += 1;
    }
  }

  for (const [, items] of groupBy(due, (d) => d.doc.id)) {
    for (const d of items) {
      const created = await deps.alerts.create({
        id: d.alertId,
        unique_id: d.alertId,
        type: 'alert',
        country_code: countryCode,
        record_id: d.doc.id,
        record_type: 'case',
        alert_for: d.reminder.type,
        form_unique_id: d.reminder.form_unique_id ?? forms[d.reminder.type] ?? d.reminder.type,
        date: dueDate(d.reminder, settings.time_zone),
        user_name: d.doc.owned_by,
        created_at: now,
      });
      if (created) run.alerts_created += 1;
    }
    await markAlerted(
      deps,
      items[0]!.doc,
      items.map((d) => d.reminder.id),
      settings,
      roles,
    );
  }
  return run;
}

async function gatherDue(
  deps: ReminderJobDeps,
  countryCode: string,
  now: string,
  options: { pageSize: number; maxRecords: number },
  unreadable: (id: string) => void,
) {
  const due: DueItem[] = [];
  const seen = new Set<string>();
  const pages = deps.cases.queryPages(
    countryCode,
    "SELECT * FROM c WHERE c.country_code = @country AND c.record_type = 'case' AND c.enabled = true AND IS_STRING(c.next_due_at) AND c.next_due_at <= @now ORDER BY c.next_due_at ASC",
    [
      { name: '@country', value: countryCode },
      { name: '@now', value: now },
    ],
    options.pageSize,
    unreadable,
  );
  for await (const page of pages) {
    for (const doc of page) {
      if (seen.size >= options.maxRecords) return due;
      if (seen.has(doc.id)) continue;
      seen.add(doc.id);
      const alerted = new Set((doc.alerted_reminders as string[]) ?? []);
      for (const reminder of doc.reminders as Reminder[]) {
        if (reminder.due_at <= now && !alerted.has(reminder.id))
          due.push({ doc, reminder, alertId: alertId(doc.id, reminder.id) });
      }
    }
  }
  return due;
}

/** Reminders stored before due_date existed get theirs from the instant, in the country's zone. */
const dueDate = (r: Reminder, timeZone: string) => r.due_date ?? localDate(r.due_at, timeZone);

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Records the alerts on the case (alert_count, next_due_at), re-reading if a caseworker saved meanwhile. */
async function markAlerted(
  deps: ReminderJobDeps,
  first: CaseDocument,
  reminderIds: string[],
  settings: CountrySettings,
  roles: RoleIndex,
) {
  let doc: CaseDocument | undefined = first;
  for (let attempt = 0; doc && attempt < 5; attempt++) {
    const next: CaseDocument = {
      ...doc,
      alerted_reminders: [...new Set([...((doc.alerted_reminders as string[]) ?? []), ...reminderIds])],
    };
    withReminders(
      next,
      settings.time_zone,
      roles.of('case', next.module_id),
      settings.approval_reminder_days,
    );
    Object.assign(next, alertTally(await deps.alerts.forRecord(doc.country_code, doc.id)));
    try {
      await deps.cases.replace(next, doc._etag as string);
      return;
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 412) throw error;
      doc = await deps.cases.find(first.country_code, first.id);
    }
  }
}
