import type { Principal } from '../auth/principal';
import type { FieldGrants } from '../forms/fieldAccess';
import { createIncident } from '../incidents/incidentFromCase';
import { createRecord } from '../records/recordCreator';
import type { RecordDeps } from '../records/recordDeps';
import { presentRecord } from '../records/recordPresenter';
import type { RecordRepository } from '../records/recordRepository';
import { writeRecord } from '../records/recordWriter';
import { createdModule, heldEntries, heldReport, splitHeld } from './heldChanges';
import type { Mutation, MutationResult } from './schema';

type Entry = Record<string, unknown>;

/** A create without the fields the role may not write; those are then kept on the new record. */
export async function offlineCreate(
  deps: RecordDeps,
  repo: RecordRepository,
  principal: Principal,
  grants: FieldGrants,
  m: Mutation,
): Promise<MutationResult> {
  const changes = m.changes ?? {};
  const { allowed, held } = splitHeld(
    grants,
    repo.kind,
    createdModule(repo.kind, principal, changes),
    changes,
    {},
  );
  const data = { ...allowed, id: m.id };
  const { doc: created } =
    repo.kind.type === 'incident'
      ? await createIncident(deps, principal, data)
      : await createRecord(deps, repo, principal, data);
  const doc =
    held.length === 0
      ? created
      : await writeRecord(deps, repo, principal, {
          id: m.id,
          action: 'write',
          ifMatch: null,
          change: (current, now) => {
            const open = (current.sync_conflicts as Entry[] | undefined) ?? [];
            // A retried create finds its values kept already.
            if (open.some((c) => c.mutation_id === m.mutation_id)) return undefined;
            const entries = heldEntries(held, changes, current, principal, now, m.mutation_id);
            return { ...current, sync_conflicts: [...open, ...entries] };
          },
        });
  return {
    mutation_id: m.mutation_id,
    result: 'applied',
    record: presentRecord(doc, grants),
    ...heldReport(held),
  };
}
