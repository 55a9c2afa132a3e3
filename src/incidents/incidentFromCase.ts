import type { Principal } from '../auth/principal';
import { writeCase } from '../cases/caseWriter';
import { caseKind } from '../cases/caseKind';
import { AppError, unprocessable } from '../errors';
import { uuid } from '../records/fieldTypes';
import { findRecordFor, findReadableRecord } from '../records/recordAccess';
import { createRecord } from '../records/recordCreator';
import type { RecordDeps } from '../records/recordDeps';
import type { RecordDocument } from '../records/recordDocument';
import { listRecords } from '../records/recordLister';
import { parseListParams } from '../records/listParams';
import { revisedRecord } from '../records/recordRevision';
import { incidentKind } from './incidentKind';
import { msg } from '../messages/catalogue';

interface IncidentLink {
  incident_id: string;
  incident_code: string;
  date: string;
}

/**
 * Creates an incident; with `incident_case_id`, one recorded from a case the caller may change: the
 * incident keeps the link (and the case's module unless another is given), and the case lists it — a
 * closed case is reopened, as Primero does when an incident is added. The incident is written first and
 * the case second; a retry of the same create (same id) finishes a link that did not happen.
 */
export async function createIncident(deps: RecordDeps, principal: Principal, data: Record<string, unknown>) {
  const { incident_case_id: caseId, ...fields } = data;
  if (caseId === undefined || caseId === null)
    return createRecord(deps, deps.repos.incident, principal, fields);
  if (!uuid.safeParse(caseId).success) throw unprocessable([{ detail: 'incident_case_id', ...msg('uuid') }]);
  const source = await findRecordFor(deps.cases, principal, caseId as string, 'write').catch(
    (error: unknown) => {
      if (error instanceof AppError && error.status === 404)
        throw unprocessable([{ detail: 'incident_case_id', message: 'is not a case you can see' }]);
      throw error;
    },
  );
  if (!source.enabled)
    throw unprocessable([{ detail: 'incident_case_id', ...msg('record_disabled', { kind: 'case' }) }]);
  const result = await createRecord(
    deps,
    deps.repos.incident,
    principal,
    { module_id: source.module_id, ...fields },
    { incident_case_id: source.id, incident_case_id_display: source.case_id_display },
  );
  await linkToCase(deps, principal, source.id, result.doc);
  return result;
}

async function linkToCase(deps: RecordDeps, principal: Principal, caseId: string, incident: RecordDocument) {
  const [settings, roles] = await Promise.all([
    deps.settings.get(principal.countryCode),
    deps.roles.current(principal.countryCode),
  ]);
  await writeCase(deps, principal, {
    id: caseId,
    action: 'write',
    ifMatch: null,
    change: (doc, now) => {
      const links = (doc.incident_links as IncidentLink[] | undefined) ?? [];
      if (links.some((l) => l.incident_id === incident.id)) return undefined;
      const reopen = doc.status === 'closed' ? { status: 'open' } : {};
      const next = revisedRecord(caseKind, doc, reopen, settings, principal, now, roles);
      next.incident_links = [
        ...links,
        { incident_id: incident.id, incident_code: String(incident.incident_code), date: now.toISOString() },
      ];
      return next;
    },
  });
}

/** GET /cases/{id}/incidents: the incidents recorded from a case, as far as the caller may see them. */
export async function incidentsOfCase(deps: RecordDeps, principal: Principal, caseId: string) {
  const source = await findReadableRecord(deps.cases, principal, caseId);
  const params = parseListParams(
    incidentKind,
    new URLSearchParams({ incident_case_id: source.id, per: '1000', order: 'asc', enabled: 'true,false' }),
  );
  return listRecords(deps.repos.incident, principal, params);
}
