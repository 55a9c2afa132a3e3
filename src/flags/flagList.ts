import type { Principal } from '../auth/principal';
import { can } from '../auth/principal';
import type { RecordDeps } from '../records/recordDeps';
import { listRecords } from '../records/recordLister';
import { parseListParams } from '../records/listParams';
import { allKinds } from '../records/recordKinds';
import { presentFlag } from './flagPresenter';
import type { Flag } from './schema';

/** The active flags on every record the caller may see, of every type their role reads, newest first. */
export async function listFlags(deps: Pick<RecordDeps, 'repos'>, principal: Principal) {
  const readable = allKinds.filter((kind) => can(principal, kind.resource, 'read'));
  const pages = await Promise.all(
    readable.map(async (kind) => ({
      kind,
      page: await listRecords(
        deps.repos[kind.type],
        principal,
        parseListParams(kind, new URLSearchParams('flagged=true&per=1000&enabled=true,false')),
      ),
    })),
  );
  const flags = pages
    .flatMap(({ kind, page }) =>
      page.docs.flatMap((doc) =>
        ((doc.flags as Flag[]) ?? [])
          .filter((f) => !f.removed)
          .map((f) => ({
            ...presentFlag(f),
            short_id: doc.short_id,
            [kind.displayField]: doc[kind.displayField],
            ...(doc.module_id === 'primeromodule-gbv' ? {} : { name: doc.name }),
          })),
      ),
    )
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
  // Flagged records failing their integrity check: their flags are not listed, so the caller is told.
  return { flags, unreadable: pages.flatMap(({ page }) => page.unreadable) };
}
