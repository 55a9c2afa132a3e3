import { can, type Principal } from '../auth/principal';
import { forbidden, notFound } from '../errors';
import { inScope } from '../policy/recordScope';
import type { CaseDocument } from './caseDocument';
import type { CaseRepository } from './caseRepository';

/**
 * The case if the principal may read it; 404 otherwise — whether it does not exist, is in another
 * country or outside their scope — so that ids cannot be probed.
 */
export async function findReadableCase(
  cases: CaseRepository,
  principal: Principal,
  id: string,
): Promise<CaseDocument> {
  const doc = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await cases.find(principal.countryCode, id) : undefined;
  if (!doc || !can(principal, 'cases', 'read') || !inScope(principal, doc)) throw notFound('Case not found');
  return doc;
}

/** As findReadableCase, then 403 if the role does not grant `action` on cases. */
export async function findCaseFor(
  cases: CaseRepository,
  principal: Principal,
  id: string,
  action: string,
): Promise<CaseDocument> {
  const doc = await findReadableCase(cases, principal, id);
  if (!can(principal, 'cases', action)) throw forbidden(`Your role does not allow ${action} on cases`);
  return doc;
}
