import type { Container } from '@azure/cosmos';
import { forEachCountry } from '../platform/eachCountry';
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

/**
 * One run of the timer: every country on its own (forEachCountry), each outcome kept in the country's status.
 */
export async function runEveryCountry(
  deps: RoundDeps,
  countries: string[],
  runOne: (countryCode: string) => Promise<ReminderRun>,
): Promise<void> {
  await forEachCountry(
    'reminders',
    countries,
    async (country) => {
      const run = await runOne(country);
      await saveRun(deps, run);
      deps.log(
        `reminders ${country}: ${run.records} records, ${run.alerts_created} alerts, ${run.notifications_enqueued} notifications`,
      );
      if (run.unreadable_records.length > 0)
        deps.warn(
          `reminders ${country}: ${run.unreadable_records.length} records failed their integrity check and got no reminders: ${run.unreadable_records.slice(0, KEPT_IDS).join(', ')}`,
        );
    },
    async (country, kind, where) => {
      deps.warn(`reminders ${country}: the run failed (${kind}); the next run tries again\n${where}`);
      await saveFailure(deps, country, kind);
    },
  );
}

async function saveRun(deps: RoundDeps, run: ReminderRun): Promise<void> {
  const { unreadable_records: unreadable, ...counts } = run;
  await deps.config.items.upsert({
    id: STATUS_ID,
    type: 'reminders_status',
    last_run_at: deps.now().toISOString(),
    ...counts,
    country_code: run.country_code,
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
