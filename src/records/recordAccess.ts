import { can, type Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors';
import { msg } from '../messages/catalogue';
import { inScope } from '../policy/recordScope';
import type { RecordType } from './recordTypeNames';
import type { RecordDocument } from './recordDocument';
import type { RecordRepository } from './recordRepository';

/**
 * The record if the principal may read it; 404 otherwise — whether it does not exist, is in another
 * country or outside their scope — so that ids cannot be probed.
 */
export async function findReadableRecord<T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  id: string,
): Promise<T> {
  const doc = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await repo.find(principal.countryCode, id) : undefined;
  if (!doc || !mayRead(repo, principal, doc)) throw notFound(recordNotFound(repo.kind.type));
  return doc;
}

/** "Case not found" and its kin, in the caller's language. */
export const recordNotFound = (type: RecordType) => msg(`${type}_not_found`);

/** Whether the principal may read a record of the repository's type they hold (read by other means). */
export const mayRead = (repo: RecordRepository, principal: Principal, doc: RecordDocument): boolean =>
  doc.country_code === principal.countryCode &&
  doc.record_type === repo.kind.type &&
  can(principal, repo.kind.resource, 'read') &&
  inScope(principal, doc);

/** As findReadableRecord, then 403 if the role does not grant `action` on the record type. */
export async function findRecordFor<T extends RecordDocument>(
  repo: RecordRepository<T>,
  principal: Principal,
  id: string,
  action: string,
): Promise<T> {
  const doc = await findReadableRecord(repo, principal, id);
  if (!can(principal, repo.kind.resource, action))
    throw forbidden(`Your role does not allow ${action} on ${repo.kind.resource}`);
  return doc;
}
