import { z } from 'zod';
import type { Directory } from '../admin/directory';
import { directoryKind } from '../admin/directoryKinds';
import type { Principal } from '../auth/principal';
import { badRequest, forbidden } from '../errors';
import { singleQueryValues } from '../http/queryValues';
import { can } from '../auth/principal';
import type { Role } from '../users/types';
import type { UserRepository, UserSummary } from '../users/userRepository';
import { assignGrant, recipientRefusal, type RecipientKind } from './recipientRule';

/**
 * Primero's query of GET /users/assign-to, /refer-to, /transfer-to. `record_type` is Primero's model name
 * (`case`); `location` and `services` are accepted, but users carry no reporting location or services here,
 * so they narrow nothing.
 */
export const recipientQuerySchema = z
  .object({
    record_type: z
      .enum(['case', 'cases', 'incident', 'incidents', 'tracing_request', 'tracing_requests'])
      .optional(),
    record_module_id: z
      .string()
      .regex(/^[a-z0-9_-]{1,64}$/, 'must be a module id')
      .optional(),
    agency: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be an agency unique_id')
      .optional(),
    location: z.string().max(100).optional(),
    services: z.string().max(100).optional(),
    service: z.string().max(100).optional(),
    locale: z.string().max(10).optional(),
  })
  .strict();
export type RecipientQuery = z.infer<typeof recipientQuerySchema>;

export function parseRecipientQuery(search: URLSearchParams): RecipientQuery {
  const raw = singleQueryValues(search, Object.keys(recipientQuerySchema.shape));
  const parsed = recipientQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'query');
    throw badRequest(`${name} ${issue?.message ?? 'is not valid'}`, name);
  }
  return parsed.data;
}

const permissionFor = { assign: 'assign', referral: 'referral', transfer: 'transfer' } as const;

export interface RecipientDeps {
  users: UserRepository;
  directory: Directory;
}

/**
 * The users the caller may choose for a transition of a case (only cases have transitions here: for
 * another record type the list is empty). 403 without the role's permission for that transition.
 */
export async function listRecipients(
  deps: RecipientDeps,
  principal: Principal,
  kind: RecipientKind,
  query: RecipientQuery,
): Promise<UserSummary[]> {
  const permitted =
    kind === 'assign' ? !!assignGrant(principal) : can(principal, 'cases', permissionFor[kind]);
  if (!permitted) throw forbidden(`Your role does not allow ${permissionFor[kind]} on cases`);
  if (query.record_type && !query.record_type.startsWith('case')) return [];
  const [users, roles] = await Promise.all([
    deps.users.inCountry(principal.countryCode),
    deps.directory.all(principal.countryCode, directoryKind('roles')),
  ]);
  const roleOf = new Map((roles as unknown as Role[]).map((r) => [r.unique_id, r]));
  return users.filter(
    (user) =>
      (!query.agency || user.agency_unique_id === query.agency) &&
      !recipientRefusal(principal, kind, query.record_module_id, user, roleOf.get(user.role_unique_id)),
  );
}

/** Primero's keys for a user one may choose (users_for_transition), with the name to show beside them. */
export const presentRecipient = (user: UserSummary) => ({
  id: user.id,
  user_name: user.user_name,
  full_name: user.full_name,
  code: null,
  position: null,
  location: null,
  agency: user.agency_unique_id,
  disabled: user.disabled,
  services: [],
});
