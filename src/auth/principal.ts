import type { Role, User } from '../users/types';

/** Who is calling, in which country, with which role there. Built once per request by `authenticate`. */
export interface Principal {
  user: User;
  role: Role;
  countryCode: string;
  tokenId: string;
  tokenExpiresAt: number;
}

export function can(principal: Principal, resource: string, action: string): boolean {
  const grant = principal.role.permissions.find((p) => p.resource === resource);
  return !!grant && (grant.actions.includes(action) || grant.actions.includes('manage'));
}
