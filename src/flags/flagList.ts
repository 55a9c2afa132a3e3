import type { Principal } from '../auth/principal';
import type { CaseDeps } from '../cases/caseDeps';
import { listCases } from '../cases/caseLister';
import { parseListParams } from '../cases/listParams';
import type { Flag } from './schema';

/** The active flags on every case the caller may see, newest first (GET /api/v2/flags). */
export async function listFlags(deps: Pick<CaseDeps, 'cases'>, principal: Principal) {
  const page = await listCases(
    deps,
    principal,
    parseListParams(new URLSearchParams('flagged=true&per=1000&enabled=true,false')),
  );
  return page.docs
    .flatMap((doc) =>
      ((doc.flags as Flag[]) ?? [])
        .filter((f) => !f.removed)
        .map((f) => ({
          ...f,
          short_id: doc.short_id,
          case_id_display: doc.case_id_display,
          ...(doc.module_id === 'primeromodule-gbv' ? {} : { name: doc.name }),
        })),
    )
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
}
