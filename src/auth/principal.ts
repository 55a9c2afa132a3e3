import type { Role, User } from '../users/types';

/** Who is calling, in which country, with which role there. Built once per request by `authenticate`. */
export interface Principal {
  user: User;
  role: Role;
  countryCode: string;
  tokenId: string;
  tokenExpiresAt: number;
  /** Our own session tokens: when the user signed in (seconds), which bounds renewal. */
  signedInAt?: number;
}

export function can(principal: Principal, resource: string, action: string): boolean {
  return roleCan(principal.role, resource, action);
}

/** Whether a role grants an action, for a user other than the caller (a transition's recipient). */
export function roleCan(role: Pick<Role, 'permissions'>, resource: string, action: string): boolean {
  const grant = role.permissions.find((p) => p.resource === resource);
  return !!grant && (grant.actions.includes(action) || grant.actions.includes('manage'));
}
