import type { Principal } from '../auth/principal';
import { findCaseFor, findReadableCase } from '../cases/caseAccess';
import type { CaseDeps } from '../cases/caseDeps';
import { writeCase } from '../cases/caseWriter';
import { notFound } from '../errors';
import { scopeFilter } from '../policy/recordScope';
import type { AlertStore } from './alertStore';

/** GET /alerts: how many records in the caller's scope have alerts, per record type. */
export async function alertCounts(deps: Pick<CaseDeps, 'cases'>, principal: Principal) {
  const scope = scopeFilter(principal);
  const where = ["c.record_type = 'case'", 'c.enabled = true', 'c.alert_count > 0', ...scope.where].join(
    ' AND ',
  );
  const cases = await deps.cases.count(principal.countryCode, where, scope.parameters);
  return { case: cases, incident: 0, tracing_request: 0 };
}

/** GET /cases/{id}/alerts, in Primero's shape. */
export async function recordAlerts(
  deps: Pick<CaseDeps, 'cases'>,
  alerts: AlertStore,
  principal: Principal,
  recordId: string,
) {
  const doc = await findReadableCase(deps.cases, principal, recordId);
  return (await alerts.forRecord(doc.country_code, doc.id)).map((a) => ({
    unique_id: a.unique_id,
    alert_for: a.alert_for,
    type: a.form_unique_id,
    date: a.date,
    form_unique_id: a.form_unique_id,
  }));
}

/** DELETE /cases/{id}/alerts/{alert_id}: dismisses an alert; alert_count follows. */
export async function dismissAlert(
  deps: CaseDeps,
  alerts: AlertStore,
  principal: Principal,
  recordId: string,
  alertId: string,
) {
  const doc = await findCaseFor(deps.cases, principal, recordId, 'write');
  // Alert ids are 32 hex characters; anything else never reaches the store (where it could be a malformed id).
  if (!/^[0-9a-f]{32}$/.test(alertId) || !(await alerts.delete(doc.country_code, doc.id, alertId)))
    throw notFound('Alert not found');
  const remaining = (await alerts.forRecord(doc.country_code, doc.id)).length;
  await writeCase(deps, principal, {
    id: recordId,
    action: 'write',
    ifMatch: null,
    change: (current) =>
      current.alert_count === remaining ? undefined : { ...current, alert_count: remaining },
  });
}
