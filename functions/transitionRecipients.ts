import { ok } from '../src/http/responses';
import type { RecipientKind } from '../src/transitions/recipientRule';
import { listRecipients, parseRecipientQuery, presentRecipient } from '../src/transitions/recipients';
import { authedRoute } from './_shared/http';

// The users a caller may choose as the receiver of an assignment, referral or transfer (Primero's
// users_transitions): literal routes, so they win over /users/{id}.
const lists: [string, RecipientKind][] = [
  ['assign-to', 'assign'],
  ['refer-to', 'referral'],
  ['transfer-to', 'transfer'],
];

for (const [path, kind] of lists) {
  authedRoute(
    `users-${path}`,
    'GET',
    `api/v2/users/${path}`,
    async (request, principal, services) => {
      const query = parseRecipientQuery(request.url.searchParams);
      const users = await listRecipients(services, principal, kind, query);
      return ok(users.map(presentRecipient));
    },
    { audit: { action: 'read', record_type: 'user' } },
  );
}
