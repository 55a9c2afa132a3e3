import { can, type Principal } from '../auth/principal';
import { findRecordFor, findReadableRecord } from '../records/recordAccess';
import type { RecordDeps } from '../records/recordDeps';
import { writeRecord } from '../records/recordWriter';
import type { RecordRepository } from '../records/recordRepository';
import { allKinds } from '../records/recordKinds';
import type { RecordType } from '../records/recordKind';
import { forbidden, notFound } from '../errors';
import { msg } from '../messages/catalogue';
import { scopeFilter } from '../policy/recordScope';
import { alertTally, readableAlertsCondition, sameTally } from '../records/alertSubjects';
import type { AlertStore } from './alertStore';

/** GET /alerts: how many records in the caller's scope have alerts, per record type (0 where it cannot read). */
export async function alertCounts(deps: Pick<RecordDeps, 'repos' | 'fieldAccess'>, principal: Principal) {
  const scope = scopeFilter(principal);
  // A record whose only alerts are about forms the role may not read is not counted.
  const hidden = (await deps.fieldAccess.grantsFor(principal)).hiddenForms();
  const where = [
    'c.record_type = @recordType',
    'c.enabled = true',
    readableAlertsCondition('@hiddenForms'),
    ...scope.where,
  ];
  const counts = await Promise.all(
    allKinds.map(async (kind) => {
      if (!can(principal, kind.resource, 'read')) return [kind.type, 0] as const;
      const parameters = [
        ...scope.parameters,
        { name: '@recordType', value: kind.type },
        { name: '@hiddenForms', value: hidden },
      ];
      const n = await deps.repos[kind.type].count(principal.countryCode, where.join(' AND '), parameters);
      return [kind.type, n] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<RecordType, number>;
}

/**
 * GET /cases/{id}/alerts (or another record type's), in Primero's shape. An alert about a form the
 * caller's role may not read is left out: its form is not theirs to know about.
 */
export async function recordAlerts(
  deps: Pick<RecordDeps, 'fieldAccess'>,
  repo: RecordRepository,
  alerts: AlertStore,
  principal: Principal,
  recordId: string,
) {
  const doc = await findReadableRecord(repo, principal, recordId);
  const grants = await deps.fieldAccess.grantsFor(principal);
  const visible = (await alerts.forRecord(doc.country_code, doc.id)).filter((a) =>
    grants.formReadable(a.form_unique_id),
  );
  return visible.map((a) => ({
    unique_id: a.unique_id,
    alert_for: a.alert_for,
    type: a.form_unique_id,
    date: a.date,
    form_unique_id: a.form_unique_id,
  }));
}

/** DELETE /cases/{id}/alerts/{alert_id}: dismisses an alert; alert_count follows. */
export async function dismissAlert(
  deps: RecordDeps,
  repo: RecordRepository,
  alerts: AlertStore,
  principal: Principal,
  recordId: string,
  alertId: string,
) {
  const doc = await findRecordFor(repo, principal, recordId, 'write');
  // Alert ids are 32 hex characters; anything else never reaches the store (where it could be a malformed id).
  const alert = /^[0-9a-f]{32}$/.test(alertId)
    ? (await alerts.forRecord(doc.country_code, doc.id)).find((a) => a.id === alertId)
    : undefined;
  if (!alert) throw notFound('Alert not found');
  // An approval request alerts whoever decides it: the requester opening her own case took it off the
  // supervisor's Home. It goes when the request is decided (src/approvals/approvals.ts).
  if (alert.alert_for === 'approval' && !can(principal, 'cases', `approve_${alert.form_unique_id}`))
    throw forbidden(msg('alert_for_approver'));
  if (!(await alerts.delete(doc.country_code, doc.id, alertId))) throw notFound('Alert not found');
  const remaining = alertTally(await alerts.forRecord(doc.country_code, doc.id));
  await writeRecord(deps, repo, principal, {
    id: recordId,
    action: 'write',
    ifMatch: null,
    change: (current) => (sameTally(current, remaining) ? undefined : { ...current, ...remaining }),
  });
}
