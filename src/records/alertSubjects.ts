import type { FieldGrants } from '../forms/fieldAccess';

/**
 * What a record keeps of its alerts: how many, and the form each one is about (`alert_subjects`, one
 * entry per alert), so that each caller counts only the alerts of forms their role may read.
 */
export const alertTally = (alerts: readonly { form_unique_id: string }[]) => ({
  alert_count: alerts.length,
  alert_subjects: alerts.map((a) => a.form_unique_id),
});

/** The record's `alert_count` as the caller may see it; a record written before subjects were kept counts all. */
export function visibleAlertCount(doc: Record<string, unknown>, grants: FieldGrants): unknown {
  if (!Array.isArray(doc.alert_subjects)) return doc.alert_count;
  return doc.alert_subjects.filter((form) => grants.formReadable(String(form))).length;
}

/**
 * A Cosmos condition for "has an alert the caller may read": one whose subject is not a hidden form (or,
 * for records written before subjects were kept, any alert).
 */
export function readableAlertsCondition(hiddenParam: string): string {
  return `(c.alert_count > 0 AND (NOT IS_DEFINED(c.alert_subjects) OR EXISTS(SELECT VALUE s FROM s IN c.alert_subjects WHERE NOT ARRAY_CONTAINS(${hiddenParam}, s))))`;
}

/** The record already holds this tally: no write needed. */
export const sameTally = (doc: Record<string, unknown>, tally: ReturnType<typeof alertTally>) =>
  doc.alert_count === tally.alert_count &&
  JSON.stringify(doc.alert_subjects ?? null) === JSON.stringify(tally.alert_subjects);
