import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, type Principal } from '../auth/principal';
import { userNameSchema } from '../auth/schema';
import { findRecordFor } from '../records/recordAccess';
import type { RecordDeps } from '../records/recordDeps';
import type { CaseDocument } from '../records/recordDocument';
import { writeCase } from '../cases/caseWriter';
import { forbidden, notFound, unprocessable } from '../errors';
import type { UserRepository } from '../users/userRepository';
import { assignGrant, recipientRefusal, type RecipientKind } from './recipientRule';
import { msg, type MessageKey } from '../messages/catalogue';

export const assignSchema = z
  .object({
    data: z.object({ transitioned_to: userNameSchema, notes: z.string().max(2000).optional() }).strict(),
  })
  .strict();
export const referralSchema = z
  .object({
    data: z
      .object({
        transitioned_to: userNameSchema,
        notes: z.string().max(2000).optional(),
        consent_overridden: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();
export const transferSchema = assignSchema;
export const transferResponseSchema = z
  .object({
    data: z
      .object({ status: z.enum(['accepted', 'rejected']), rejected_reason: z.string().max(2000).optional() })
      .strict(),
  })
  .strict();
export const referralResponseSchema = z
  .object({
    data: z
      .object({ status: z.enum(['accepted', 'rejected', 'done']), notes: z.string().max(2000).optional() })
      .strict(),
  })
  .strict();

export interface Transition {
  id: string;
  unique_id: string;
  type: 'assign' | 'referral' | 'transfer' | 'transfer_request';
  transitioned_to: string;
  transitioned_by: string;
  notes?: string;
  status: 'done' | 'in_progress' | 'accepted' | 'rejected' | 'revoked';
  consent_overridden?: boolean;
  /** A transfer request's: the child consented to this one transfer (Primero's key). */
  consent_individual_transfer?: boolean;
  rejected_reason?: string;
  created_at: string;
  responded_at?: string;
}

export type TransitionDeps = RecordDeps & { users: UserRepository };
type Deps = TransitionDeps;
export const transitionsOf = (doc: CaseDocument) =>
  Array.isArray(doc.transitions) ? (doc.transitions as Transition[]) : [];

/** What every transition command answers: the case as written and the transition it holds. */
export interface TransitionResult {
  doc: CaseDocument;
  transition: Transition;
}
export function resultOf(doc: CaseDocument, transitionId: string): TransitionResult {
  const transition = transitionsOf(doc).find((t) => t.id === transitionId);
  // The write that returned `doc` put the transition there: its absence is a bug, not a user fault.
  if (!transition) throw new Error('transition missing from the case it was written to');
  return { doc, transition };
}
/** Who may see the case besides its scope: the owner and users with a live referral. */
const associated = (owner: string, transitions: Transition[]) =>
  [
    owner,
    ...new Set(
      transitions
        // A live referral, or a transfer the receiver is still deciding on.
        .filter(
          (t) =>
            (t.type === 'referral' && (t.status === 'in_progress' || t.status === 'accepted')) ||
            (t.type === 'transfer' && t.status === 'in_progress'),
        )
        .map((t) => t.transitioned_to),
    ),
  ].filter((u, i, all) => all.indexOf(u) === i);

/**
 * The receiving user, if the caller may choose them for this case: the rule of the recipient lists
 * (recipientRule.ts), and not the case's owner already.
 */
async function receiver(
  deps: Deps,
  principal: Principal,
  kind: RecipientKind,
  userName: string,
  doc: CaseDocument,
) {
  const invalid = (key: MessageKey) => unprocessable([{ detail: 'transitioned_to', ...msg(key) }]);
  const user = await deps.users.findByUserName(userName);
  if (!user || !user.country_codes.includes(principal.countryCode)) throw invalid('not_a_user_here');
  const role = await deps.users.findRole(principal.countryCode, user.role_unique_id);
  const refused = recipientRefusal(principal, kind, doc.module_id, user, role);
  if (refused) throw invalid(refused);
  if (user.user_name === doc.owned_by) throw invalid('already_owner');
  return user;
}

/** Assign: the case gets a new owner (and that owner's agency and groups); the previous owner's access goes. */
export async function assignCase(
  deps: Deps,
  principal: Principal,
  id: string,
  input: z.infer<typeof assignSchema>['data'],
  /** A background job's own id for this case's transition, so that running it twice writes it once. */
  transitionId?: string,
) {
  // `assign`, or Primero's narrower assign_within_agency / assign_within_user_group.
  const action = assignGrant(principal)?.action ?? 'assign';
  return transition(deps, principal, id, action, async (doc, now) => {
    const to = await receiver(deps, principal, 'assign', input.transitioned_to, doc);
    return {
      transition: newTransition('assign', to.user_name, principal, now, 'done', input.notes, transitionId),
      owner: {
        owned_by: to.user_name,
        owned_by_agency_id: to.agency_unique_id,
        owned_by_groups: to.user_group_unique_ids,
      },
    };
  });
}

/**
 * Refer: the receiving user (any agency) can see this case and only this case while the referral is live.
 * Needs the child's consent for services, unless the referrer's role may override it.
 */
export async function referCase(
  deps: Deps,
  principal: Principal,
  id: string,
  input: z.infer<typeof referralSchema>['data'],
) {
  if (input.consent_overridden && !can(principal, 'cases', 'consent_override'))
    throw forbidden(msg('may_not_override_consent'));
  return transition(deps, principal, id, 'referral', async (doc, now) => {
    if (doc.consent_for_services !== true && !input.consent_overridden) {
      throw unprocessable([{ detail: 'consent_for_services', ...msg('referral_needs_consent') }]);
    }
    const to = await receiver(deps, principal, 'referral', input.transitioned_to, doc);
    return {
      transition: {
        ...newTransition('referral', to.user_name, principal, now, 'in_progress', input.notes),
        ...(input.consent_overridden ? { consent_overridden: true } : {}),
      },
    };
  });
}

/** The receiving user accepts, rejects or completes a referral; rejecting or completing ends their access. */
export async function respondToReferral(
  deps: Deps,
  principal: Principal,
  id: string,
  referralId: string,
  status: 'accepted' | 'rejected' | 'done',
) {
  return updateReferral(deps, principal, id, referralId, 'read', (t) => {
    if (t.transitioned_to !== principal.user.user_name) throw forbidden(msg('only_referral_recipient'));
    if (t.status !== 'in_progress' && !(t.status === 'accepted' && status === 'done'))
      throw referralAnswered(t);
    return status;
  });
}

/** The referrer's side (role permission referral) takes a referral back: the receiving user's access ends. */
export async function revokeReferral(deps: Deps, principal: Principal, id: string, referralId: string) {
  return updateReferral(deps, principal, id, referralId, 'referral', (t) => {
    if (t.status === 'revoked' || t.status === 'rejected' || t.status === 'done') throw referralAnswered(t);
    return 'revoked';
  });
}

const referralAnswered = (t: Transition) =>
  unprocessable([{ detail: 'status', ...msg('referral_answered', { status: t.status }) }]);

async function updateReferral(
  deps: Deps,
  principal: Principal,
  id: string,
  referralId: string,
  action: string,
  next: (t: Transition) => Transition['status'],
): Promise<TransitionResult> {
  const doc = await writeCase(deps, principal, {
    id,
    action,
    ifMatch: null,
    change: (doc, now) => {
      const found = transitionsOf(doc).find((t) => t.id === referralId && t.type === 'referral');
      if (!found) throw notFound(msg('referral_not_found'));
      const status = next(found);
      const transitions = transitionsOf(doc).map((t) =>
        t.id === referralId ? { ...t, status, responded_at: now.toISOString() } : t,
      );
      return withAccess(doc, { ...doc, transitions });
    },
  });
  return resultOf(doc, referralId);
}

export function newTransition(
  type: Transition['type'],
  to: string,
  principal: Principal,
  now: string,
  status: Transition['status'],
  notes?: string,
  id: string = randomUUID(),
): Transition {
  return {
    id,
    unique_id: id,
    type,
    transitioned_to: to,
    transitioned_by: principal.user.user_name,
    ...(notes ? { notes } : {}),
    status,
    created_at: now,
  };
}

interface Plan {
  transition: Transition;
  owner?: { owned_by: string; owned_by_agency_id: string; owned_by_groups: string[] };
}

/**
 * Checks access and plans the transition (which needs reads: the receiving user), then writes it. Who may
 * see the case is recomputed from the record as it is at the write, so a concurrent change is not undone.
 */
export async function transition(
  deps: Deps,
  principal: Principal,
  id: string,
  action: string,
  plan: (doc: CaseDocument, now: string) => Promise<Plan>,
): Promise<TransitionResult> {
  const doc = await findRecordFor(deps.cases, principal, id, action);
  if (!doc.enabled) throw unprocessable([{ detail: 'enabled', ...msg('record_disabled', { kind: 'case' }) }]);
  const planned = await plan(doc, deps.clock.now().toISOString());
  const written = await writeCase(deps, principal, {
    id,
    action,
    ifMatch: null,
    change: (current) => {
      // Already written (a job's transition, written by a run that raced this one): no second write or history.
      if (transitionsOf(current).some((t) => t.id === planned.transition.id)) return undefined;
      const transitions = [...transitionsOf(current), planned.transition];
      // A receiver of a referral or transfer is assigned; a transfer request goes to the owner, who has the case.
      const { type, transitioned_to } = planned.transition;
      const receiving = type === 'referral' || type === 'transfer' ? [transitioned_to] : [];
      return withAccess(current, { ...current, ...planned.owner, transitions }, receiving);
    },
  });
  return resultOf(written, planned.transition.id);
}

/** GET /cases/{id}/transitions, or only one type of them (GET /cases/{id}/referrals, …). */
export async function listTransitions(
  deps: Deps,
  principal: Principal,
  id: string,
  type?: Transition['type'],
): Promise<TransitionResult[]> {
  const doc = await findRecordFor(deps.cases, principal, id, 'read');
  return transitionsOf(doc)
    .filter((t) => type === undefined || t.type === type)
    .map((transition) => ({ doc, transition }));
}

/** Users who had the case through ownership or a referral and no longer do: sync sends them a tombstone. */
function formerUsers(doc: CaseDocument, live: string[]): string[] {
  const before = [...((doc.former_user_names as string[]) ?? []), ...doc.associated_user_names];
  return [...new Set(before)].filter((u) => !live.includes(u));
}

/** Transfer: the receiving user may see the case while deciding; accepting makes them its owner. */
export async function transferCase(
  deps: Deps,
  principal: Principal,
  id: string,
  input: z.infer<typeof transferSchema>['data'],
) {
  return transition(deps, principal, id, 'transfer', async (doc, now) => {
    const to = await receiver(deps, principal, 'transfer', input.transitioned_to, doc);
    return {
      transition: newTransition('transfer', to.user_name, principal, now, 'in_progress', input.notes),
    };
  });
}

/** Only the receiver answers a transfer: accepting moves ownership (agency and groups) to them. */
export async function respondToTransfer(
  deps: Deps,
  principal: Principal,
  id: string,
  transferId: string,
  input: z.infer<typeof transferResponseSchema>['data'],
): Promise<TransitionResult> {
  const doc = await writeCase(deps, principal, {
    id,
    action: 'read',
    ifMatch: null,
    change: (doc, now) => {
      const found = transitionsOf(doc).find((t) => t.id === transferId && t.type === 'transfer');
      if (!found) throw notFound(msg('transfer_not_found'));
      if (found.transitioned_to !== principal.user.user_name) throw forbidden(msg('only_transfer_recipient'));
      if (found.status !== 'in_progress')
        throw unprocessable([{ detail: 'status', ...msg('transfer_answered', { status: found.status }) }]);
      const transitions = transitionsOf(doc).map((t) =>
        t.id === transferId
          ? {
              ...t,
              status: input.status,
              responded_at: now.toISOString(),
              ...(input.rejected_reason ? { rejected_reason: input.rejected_reason } : {}),
            }
          : t,
      );
      const me = principal.user;
      const owner =
        input.status === 'accepted'
          ? {
              owned_by: me.user_name,
              owned_by_agency_id: me.agency_unique_id,
              owned_by_groups: me.user_group_unique_ids,
            }
          : {};
      return withAccess(doc, { ...doc, ...owner, transitions } as CaseDocument);
    },
  });
  return resultOf(doc, transferId);
}

/**
 * The one rule for who may see a case besides its scope, applied after every transition: the owner and the
 * receivers of live referrals or pending transfers; `assigned_user_names` keeps only those of them; anyone
 * who had the case and lost it is remembered for sync tombstones.
 */
export function withAccess(
  before: CaseDocument,
  after: CaseDocument,
  receiving: string[] = [],
): CaseDocument {
  const live = associated(after.owned_by, transitionsOf(after));
  const assigned = [...new Set([...(before.assigned_user_names ?? []), ...receiving])];
  return {
    ...after,
    associated_user_names: live,
    assigned_user_names: assigned.filter((u) => live.includes(u)),
    former_user_names: formerUsers(before, live),
  };
}
