import type { Container } from '@azure/cosmos';

const REFRESH_MS = 60_000;

/**
 * Cosmos DB's own time, as this instance best knows it: what the sync pull's settle window must be
 * measured against, since `_ts` is stamped by Cosmos, not by the Functions host (whose clock may drift).
 * Once a minute it writes a small document and reads the `_ts` Cosmos gave it. `_ts` is whole seconds and
 * taken before the answer came back, so the estimate is never later than Cosmos's real time: an error
 * makes the pull wait a little longer, never skip a write.
 */
export class CosmosClock {
  private offsetMs?: number;
  private measuredAt = 0;

  constructor(
    private readonly container: Container,
    private readonly localNow: () => number = Date.now,
  ) {}

  /** Cosmos's current time in seconds (the unit of `_ts`). */
  async nowSeconds(): Promise<number> {
    if (this.offsetMs === undefined || this.localNow() - this.measuredAt > REFRESH_MS) await this.measure();
    return Math.floor((this.localNow() + (this.offsetMs as number)) / 1000);
  }

  private async measure() {
    const clock = { id: 'cosmos-clock', type: 'clock', country_code: '*', record_id: 'cosmos-clock' };
    const { resource } = await this.container.items.upsert<typeof clock & { _ts?: number }>(clock);
    const after = this.localNow();
    this.offsetMs = (resource?._ts ?? Math.floor(after / 1000)) * 1000 - after;
    this.measuredAt = after;
  }
}
