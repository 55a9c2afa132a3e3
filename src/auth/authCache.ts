import type { Clock } from '../clock';

/** Beyond this many entries, expired ones are swept (token ids accumulate as users sign in). */
const SWEEP_AT = 10_000;

/**
 * What authentication reads on every request (account, role, revocation state), kept per instance for a
 * bounded time: `AUTH_CACHE_SECONDS` is how late a change made through another instance can be seen here.
 * Changes made through this instance clear it at once (see `clear`, wired to this instance's writes). The
 * promise is kept, so concurrent requests of one user share one read; a failed read is not kept.
 */
export class AuthCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs === 0) return load();
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs && now >= hit.at) return hit.value as Promise<T>;
    if (this.entries.size >= SWEEP_AT) this.sweep(now);
    const value = load();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(key);
  }
}
