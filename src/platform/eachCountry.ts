import { IntegrityError } from '../crypto/fieldCipher';
import { isDependencyFault } from './dependencyFaults';

/** What went wrong, by kind only: an error's message may carry a record's values. */
export function failureKind(error: unknown): string {
  if (isDependencyFault(error)) return 'dependency_unavailable';
  if (error instanceof IntegrityError) return 'integrity_check_failed';
  return `error:${(error as Error)?.name ?? 'unknown'}`;
}

/**
 * A scheduled job's work for every country, each on its own: a country whose work fails (a fault, a bug,
 * bad settings) does not hold back the countries after it, run after run. `failed` hears of each failure;
 * if any, the job fails afterwards, naming the countries and kinds, so that the host records it.
 */
export async function forEachCountry(
  job: string,
  countries: string[],
  work: (countryCode: string) => Promise<void>,
  /** `where`: the error's stack frames without its message (which may carry a record's values). */
  failed: (countryCode: string, kind: string, where: string) => Promise<void>,
): Promise<void> {
  const failures: string[] = [];
  for (const country of countries) {
    try {
      await work(country);
    } catch (error) {
      const kind = failureKind(error);
      failures.push(`${country} (${kind})`);
      const where = ((error as Error)?.stack ?? '').split('\n').slice(1).join('\n');
      await failed(country, kind, where).catch(() => undefined);
    }
  }
  if (failures.length > 0) throw new Error(`${job} failed for ${failures.join(', ')}`);
}
