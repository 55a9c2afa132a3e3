export interface RetryOptions {
  attempts: number;
  delayMs: number;
  /** Why a failure may pass by itself, shown with each retry. */
  reason: string;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
}

/** A failure worth waiting out (the caller decides which: e.g. a 403 while a role assignment propagates). */
export class TransientFailure extends Error {}

/**
 * Runs `attempt` until it succeeds, throws a non-transient error, or `attempts` are spent: bounded, and
 * saying each time why it waits and how long, so an operator knows it is not stuck.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = options.log ?? ((m: string) => console.error(m));
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TransientFailure)) throw error;
      if (i >= options.attempts) {
        throw new Error(
          `${error.message}: still failing after ${options.attempts} attempts (${options.reason}).`,
        );
      }
      log(
        `${error.message}. ${options.reason}: retrying in ${Math.round(options.delayMs / 1000)} s (attempt ${i + 1} of ${options.attempts}).`,
      );
      await sleep(options.delayMs);
    }
  }
}
