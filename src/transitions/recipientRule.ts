import { can, roleCan, type Principal } from '../auth/principal';
import type { Role } from '../users/types';
import type { UserSummary } from '../users/userRepository';

/** The transitions that hand a case to a chosen user (a transfer request names no one: it goes to the owner). */
export type RecipientKind = 'assign' | 'referral' | 'transfer';

/**
 * Primero's assign permissions, widest first: `assign` to anyone of the country, `assign_within_agency` to
 * the assigner's agency, `assign_within_user_group` to users sharing one of the assigner's groups.
 */
const assignActions = [
  ['assign', 'all'],
  ['assign_within_agency', 'agency'],
  ['assign_within_user_group', 'group'],
] as const;
export type AssignReach = (typeof assignActions)[number][1];

/** The widest assign permission the caller's role grants, or undefined if none. */
export function assignGrant(principal: Principal): { action: string; reach: AssignReach } | undefined {
  const found = assignActions.find(([action]) => can(principal, 'cases', action));
  return found ? { action: found[0], reach: found[1] } : undefined;
}

/**
 * Why `candidate` may not receive a case from the caller, or undefined if they may: the one rule behind the
 * recipient lists (GET /users/assign-to, …) and the transitions themselves, so a client offering the list
 * never offers a user the transition then refuses. The candidate must be active in the acting country, not
 * the caller, in a role that reads cases of the module (with no module given: one of the caller's modules);
 * an assignment also stays within the caller's assign reach. Primero's separate `receive_referral` and
 * `receive_transfer` permissions are not kept: reading the module's cases is what receiving needs here.
 */
export function recipientRefusal(
  principal: Principal,
  kind: RecipientKind,
  moduleId: string | undefined,
  candidate: UserSummary,
  role: Role | undefined,
): RecipientRefusal | undefined {
  if (candidate.user_name === principal.user.user_name) return 'is_the_caller';
  const modules = moduleId ? [moduleId] : principal.role.module_unique_ids;
  const refused = receiverRefusal(principal.countryCode, modules, candidate, role);
  if (refused || kind !== 'assign') return refused;
  const reach = assignGrant(principal)?.reach;
  const me = principal.user;
  if (reach === 'all') return undefined;
  if (reach === 'agency' && candidate.agency_unique_id === me.agency_unique_id) return undefined;
  if (reach === 'group' && candidate.user_group_unique_ids.some((g) => me.user_group_unique_ids.includes(g)))
    return undefined;
  return 'outside_assign_reach';
}

/** Why a user cannot receive a case: the message key of the refusal. */
type ReceiverRefusal = 'not_a_user_here' | 'other_module';
type RecipientRefusal = ReceiverRefusal | 'is_the_caller' | 'outside_assign_reach';

/** What any receiver of a case needs, whoever hands it over: an active account that reads the module's cases. */
export function receiverRefusal(
  countryCode: string,
  modules: readonly string[],
  candidate: UserSummary,
  role: Role | undefined,
): ReceiverRefusal | undefined {
  if (candidate.disabled || !candidate.country_codes.includes(countryCode)) return 'not_a_user_here';
  if (!role || !role.module_unique_ids.some((m) => modules.includes(m)) || !roleCan(role, 'cases', 'read'))
    return 'other_module';
  return undefined;
}
