import type { App } from '../app';

export type CheckResult = 'ok' | 'failed';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** Really reaches each dependency; says only ok/failed (details go to the log, not to anonymous callers). */
export async function checkHealth(app: App) {
  const probe = async (name: string, work: () => Promise<unknown>): Promise<[string, CheckResult]> => {
    try {
      await within(5000, work());
      return [name, 'ok'];
    } catch (error) {
      app.logger.warn(
        { check: name, err: { type: (error as Error)?.name, message: (error as Error)?.message } },
        'health check failed',
      );
      return [name, 'failed'];
    }
  };
  const checks = Object.fromEntries(
    await Promise.all([
      probe('cosmos', () => app.database.read()),
      probe('blob', () => app.blob.getProperties()),
      probe('keys', () => app.keyStore.ping()),
    ]),
  ) as Record<string, CheckResult>;
  const status = Object.values(checks).every((c) => c === 'ok') ? 'ok' : 'degraded';
  return { status, checks };
}
