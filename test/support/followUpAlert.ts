import type { TestApp } from './testApp';

/** A follow-up-due alert on a GH case, as the reminders job raises one, without running the job. */
export const raiseFollowUpAlert = (t: TestApp, recordId: string, id: string) =>
  t.app.alerts.create({
    id,
    unique_id: id,
    type: 'alert',
    country_code: 'GH',
    record_id: recordId,
    record_type: 'case',
    alert_for: 'followup_due',
    form_unique_id: 'followup',
    date: '2026-11-01',
    user_name: 'cw_gh',
    created_at: new Date().toISOString(),
  });
