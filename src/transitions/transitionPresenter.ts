import { can, type Principal } from '../auth/principal';
import { inScope } from '../policy/recordScope';
import type { CaseDocument } from '../records/recordDocument';
import { presentRecord } from '../records/recordPresenter';
import type { Transition } from './transitions';

// Primero stores transitions in one table with Rails' single-table inheritance: `type` is the class name.
const primeroType = {
  assign: 'Assign',
  referral: 'Referral',
  transfer: 'Transfer',
  transfer_request: 'TransferRequest',
} as const;

export interface PresentTransitionOptions {
  /** After a transition, the case as it now is (Primero's `record`), when the caller may still read it. */
  withRecord?: boolean;
}

/**
 * A transition in Primero's keys. `record_access_denied` tells a receiver who rejected a referral, or a
 * user who assigned a case away, that the case is no longer theirs to open.
 */
export function presentTransition(
  t: Transition,
  doc: CaseDocument,
  principal: Principal,
  options: PresentTransitionOptions = {},
): Record<string, unknown> {
  const readable = can(principal, 'cases', 'read') && inScope(principal, doc);
  return {
    id: t.id,
    type: primeroType[t.type],
    status: t.status,
    record_id: doc.id,
    record_type: 'case',
    transitioned_to: t.transitioned_to,
    transitioned_by: t.transitioned_by,
    notes: t.notes ?? null,
    ...(t.consent_overridden ? { consent_overridden: true } : {}),
    ...(t.consent_individual_transfer !== undefined
      ? { consent_individual_transfer: t.consent_individual_transfer }
      : {}),
    ...(t.rejected_reason ? { rejected_reason: t.rejected_reason } : {}),
    created_at: t.created_at,
    ...(t.responded_at ? { responded_at: t.responded_at } : {}),
    record_access_denied: !readable,
    user_can_accept_or_reject: t.status === 'in_progress' && t.transitioned_to === principal.user.user_name,
    ...(options.withRecord && readable ? { record: presentRecord(doc) } : {}),
  };
}
