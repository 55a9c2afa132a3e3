import type { Container } from '@azure/cosmos';
import { IntegrityError } from '../crypto/fieldCipher';
import { isDependencyFault } from '../platform/dependencyFaults';
import type { ReminderRun } from './reminderJob';

export const STATUS_ID = 'reminders-status';
/** As many unreadable record ids as the status keeps for an operator to look up. */
const KEPT_IDS = 50;

export interface RoundDeps {
  /** The `config` container, where each country's last run is kept (`GET /reminders/status`). */
  config: Container;
  now: () => Date;
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** What went wrong, by kind only: an error's message may carry a record's values. */
export function failureKind(error: unknown): string {
  if (isDependencyFault(error)) return 'dependency_unavailable';
  if (error instanceof IntegrityError) return 'integrity_check_failed';
  return `error:${(error as Error)?.name ?? 'unknown'}`;
}

/**
 * One run of the timer: every country on its own, so that a country whose run fails (a fault, a bug, bad
 * settings) does not hold back the reminders of the countries after it. Each outcome is kept in the country's
 * status; if any country failed, the run fails afterwards, so that the host records it and alerts operators.
 */
export async function runEveryCountry(
  deps: RoundDeps,
  countries: string[],
  runOne: (countryCode: string) => Promise<ReminderRun>,
): Promise<void> {
  const failed: string[] = [];
  for (const country of countries) {
    try {
      const run = await runOne(country);
      await saveRun(deps, run);
      deps.log(
        `reminders ${country}: ${run.records} records, ${run.alerts_created} alerts, ${run.notifications_enqueued} notifications`,
      );
      if (run.unreadable_records.length > 0)
        deps.warn(
          `reminders ${country}: ${run.unreadable_records.length} records failed their integrity check and got no reminders: ${run.unreadable_records.slice(0, KEPT_IDS).join(', ')}`,
        );
    } catch (error) {
      const kind = failureKind(error);
      failed.push(`${country} (${kind})`);
      deps.warn(`reminders ${country}: the run failed (${kind}); the next run tries again`);
      await saveFailure(deps, country, kind).catch(() => undefined);
    }
  }
  if (failed.length > 0) throw new Error(`reminders failed for ${failed.join(', ')}`);
}

async function saveRun(deps: RoundDeps, run: ReminderRun): Promise<void> {
  const { unreadable_records: unreadable, ...counts } = run;
  await deps.config.items.upsert({
    id: STATUS_ID,
    type: 'reminders_status',
    last_run_at: deps.now().toISOString(),
    ...counts,
    records_unreadable: unreadable.length,
    unreadable_records: unreadable.slice(0, KEPT_IDS),
    last_failure_at: null,
    last_failure: null,
  });
}

/** Keeps the last successful run's figures beside the failure. */
async function saveFailure(deps: RoundDeps, country: string, kind: string): Promise<void> {
  const item = deps.config.item(STATUS_ID, [country, STATUS_ID]);
  const { resource } = await item.read<Record<string, unknown>>();
  const kept = Object.fromEntries(Object.entries(resource ?? {}).filter(([key]) => !key.startsWith('_')));
  await deps.config.items.upsert({
    ...kept,
    id: STATUS_ID,
    type: 'reminders_status',
    country_code: country,
    last_failure_at: deps.now().toISOString(),
    last_failure: kind,
  });
}
