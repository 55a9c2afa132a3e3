import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { writeCase } from '../cases/caseWriter';
import { forbidden, notFound, unprocessable } from '../errors';
import { findReadableRecord } from '../records/recordAccess';
import type { CaseDocument } from '../records/recordDocument';
import { receiverRefusal } from './recipientRule';
import { msg } from '../messages/catalogue';
import {
  newTransition,
  resultOf,
  transition,
  transferResponseSchema,
  transitionsOf,
  withAccess,
  type Transition,
  type TransitionDeps,
  type TransitionResult,
} from './transitions';

export const transferRequestSchema = z
  .object({
    data: z
      .object({
        notes: z.string().max(2000).optional(),
        consent_individual_transfer: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
// The owner answers as a receiver answers a transfer.
export const transferRequestResponseSchema = transferResponseSchema;

const pending = (t: Transition) => t.type === 'transfer_request' && t.status === 'in_progress';

/**
 * A user who works on a case without owning it (a supervisor of the owner's group, the receiver of a
 * referral) asks its owner to transfer it to them (permission `request_transfer`). As everywhere, a case
 * the caller cannot read is a 404: Primero lets a user request cases found outside their scope, which
 * would let ids be probed. One pending request per user and case.
 */
export async function requestTransfer(
  deps: TransitionDeps,
  principal: Principal,
  id: string,
  input: z.infer<typeof transferRequestSchema>['data'],
): Promise<TransitionResult> {
  const me = principal.user.user_name;
  return transition(deps, principal, id, 'request_transfer', async (doc, now) => {
    if (doc.owned_by === me) throw unprocessable([{ detail: 'owned_by', ...msg('own_case_already') }]);
    if (transitionsOf(doc).some((t) => pending(t) && t.transitioned_by === me))
      throw unprocessable([{ detail: 'status', ...msg('transfer_already_asked') }]);
    return {
      transition: {
        ...newTransition('transfer_request', doc.owned_by, principal, now, 'in_progress', input.notes),
        ...(input.consent_individual_transfer !== undefined
          ? { consent_individual_transfer: input.consent_individual_transfer }
          : {}),
      },
    };
  });
}

/**
 * The owner answers a transfer request. Accepting, as in Primero, starts a transfer to the requester, who
 * then accepts it as any transfer (PATCH …/transfers/{id}); rejecting keeps the case as it is. Only the
 * user asked, and only while they still own the case.
 */
export async function respondToTransferRequest(
  deps: TransitionDeps,
  principal: Principal,
  id: string,
  requestId: string,
  input: z.infer<typeof transferRequestResponseSchema>['data'],
): Promise<TransitionResult> {
  const me = principal.user.user_name;
  const check = (doc: CaseDocument) => {
    const found = transitionsOf(doc).find((t) => t.id === requestId && t.type === 'transfer_request');
    if (!found) throw notFound(msg('transfer_request_not_found'));
    if (found.transitioned_to !== me || doc.owned_by !== me)
      throw forbidden(msg('only_owner_answers_request'));
    if (found.status !== 'in_progress')
      throw unprocessable([
        { detail: 'status', ...msg('transfer_request_answered', { status: found.status }) },
      ]);
    return found;
  };
  const read = await findReadableRecord(deps.cases, principal, id);
  const before = check(read);
  if (input.status === 'accepted') await requesterMayReceive(deps, principal, before, read.module_id);
  const doc = await writeCase(deps, principal, {
    id,
    action: 'read',
    ifMatch: null,
    change: (current, now) => {
      const request = check(current);
      const at = now.toISOString();
      const answered = {
        ...request,
        status: input.status,
        responded_at: at,
        ...(input.rejected_reason ? { rejected_reason: input.rejected_reason } : {}),
      };
      const transfer =
        input.status === 'accepted'
          ? [newTransition('transfer', request.transitioned_by, principal, at, 'in_progress', request.notes)]
          : [];
      const transitions = [
        ...transitionsOf(current).map((t) => (t.id === requestId ? answered : t)),
        ...transfer,
      ];
      return withAccess(
        current,
        { ...current, transitions },
        transfer.map((t) => t.transitioned_to),
      );
    },
  });
  return resultOf(doc, requestId);
}

const requesterRefusal = {
  gone: 'requester_gone',
  not_a_user_here: 'requester_not_here',
  other_module: 'requester_other_module',
} as const;

/** The requester must still be able to receive the case (an account disabled or moved since is refused). */
async function requesterMayReceive(
  deps: TransitionDeps,
  principal: Principal,
  request: Transition,
  moduleId: string,
) {
  const user = await deps.users.findByUserName(request.transitioned_by);
  const role = user ? await deps.users.findRole(principal.countryCode, user.role_unique_id) : undefined;
  const refused = user ? receiverRefusal(principal.countryCode, [moduleId], user, role) : 'gone';
  if (refused) throw unprocessable([{ detail: 'transitioned_by', ...msg(requesterRefusal[refused]) }]);
}
