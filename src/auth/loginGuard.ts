import { createHmac } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import type { DataKeys } from '../crypto/dataKeys';
import { tooManyRequests } from '../errors';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import { readState, updateState, type StateDoc } from './cosmosState';
import { msg } from '../messages/catalogue';

/** An account's sign-in state: failures by source in the lockout window, a lock, recent good sources. */
interface AccountState extends StateDoc {
  type: 'login_state';
  recent_failures: { s: string; at: number }[];
  locked_until: number;
  /** Sources (keyed hashes of client addresses) that signed in successfully, newest last. */
  known_sources: { s: string; at: number }[];
  last_totp_step: number;
}

/** The failures of one user name from one source. */
interface PairState extends StateDoc {
  type: 'login_throttle';
  failures: number;
  blocked_until: number;
  last_failure_at: number;
}

export interface LoginLimits {
  /** Failures per (user name, source) answered at once; each further one doubles a wait. */
  freeFailures: number;
  maxDelaySeconds: number;
  /** An account locks only after this many failures within an hour… */
  lockoutFailures: number;
  /** …coming from at least this many different sources. */
  lockoutSources: number;
  lockoutMinutes: number;
}

const HOUR = 3_600_000;
const KNOWN_SOURCE_DAYS = 30;
// The most failures an account remembers (LOGIN_LOCKOUT_FAILURES is capped at it).
const MAX_KEPT = 200;

/** What a failure did: `locked` when it was the one that locked the account (its owner is told). */
export interface FailureOutcome {
  locked?: { until: Date };
}

/**
 * Brute-force protection that costs the attacker, not the account's owner. Each (user name, source) pair is
 * throttled with growing delays, so one source guessing gets slower and slower without touching anyone
 * else. The account itself locks only on sustained failures from many sources (a distributed attack) — and
 * even then, a source it signed in from successfully in the last 30 days is still let through. Tracked for
 * any name, existing or not, so the answers reveal nothing about which accounts exist.
 */
export class LoginGuard {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
    private readonly limits: LoginLimits,
    private readonly keys: DataKeys,
  ) {}

  /** A keyed hash of the client address: comparable, but no address is stored or can be guessed back. */
  async sourceOf(clientAddress: string): Promise<string> {
    const { key } = await this.keys.macKey('login-sources');
    return createHmac('sha256', key).update(clientAddress.toLowerCase()).digest('hex').slice(0, 32);
  }

  /** Refuses (429) while this source must wait for this name, or while the account is locked to it. */
  async admit(userName: string, source: string): Promise<void> {
    const now = this.clock.now().getTime();
    const [pair, account] = await Promise.all([
      readState<PairState>(this.container, pairId(userName, source)),
      readState<AccountState>(this.container, accountId(userName)),
    ]);
    if (account && account.locked_until > now && !isKnown(account, source, now)) {
      throw tooManyRequests(Math.ceil((account.locked_until - now) / 1000), msg('account_locked'));
    }
    if (pair && pair.blocked_until > now) throw tooManyRequests(Math.ceil((pair.blocked_until - now) / 1000));
  }

  async recordFailure(userName: string, source: string): Promise<FailureOutcome> {
    const now = this.clock.now().getTime();
    const { freeFailures, maxDelaySeconds } = this.limits;
    await updateState(
      this.container,
      pairId(userName, source),
      () => newPair(userName, source),
      (p) => {
        // A day without failures starts the count afresh (Cosmos's TTL does the same where it runs).
        p.failures = now - p.last_failure_at > 86_400_000 ? 1 : p.failures + 1;
        p.last_failure_at = now;
        const over = p.failures - freeFailures;
        if (over > 0) p.blocked_until = now + Math.min(2 ** over, maxDelaySeconds) * 1000;
        p.ttl = 86_400;
      },
    );
    let locked: Date | undefined;
    await updateState(
      this.container,
      accountId(userName),
      () => newAccount(userName),
      (a) => {
        locked = undefined;
        a.recent_failures = [
          ...a.recent_failures.filter((f) => now - f.at < HOUR),
          { s: source, at: now },
        ].slice(-MAX_KEPT);
        const sources = new Set(a.recent_failures.map((f) => f.s)).size;
        if (
          a.locked_until <= now &&
          a.recent_failures.length >= this.limits.lockoutFailures &&
          sources >= this.limits.lockoutSources
        ) {
          a.locked_until = now + this.limits.lockoutMinutes * 60_000;
          a.recent_failures = [];
          locked = new Date(a.locked_until);
        }
        a.ttl = accountTtl(a, now);
      },
    );
    return locked ? { locked: { until: locked } } : {};
  }

  /** Clears this source's failures for the name and remembers the source as one the owner uses. */
  async recordSuccess(userName: string, source: string): Promise<void> {
    const now = this.clock.now().getTime();
    await this.container
      .item(pairId(userName, source), [DEPLOYMENT_WIDE, pairId(userName, source)])
      .delete()
      .catch((error: { code?: number }) => {
        if (error.code !== 404) throw error;
      });
    await updateState(
      this.container,
      accountId(userName),
      () => newAccount(userName),
      (a) => {
        a.known_sources = [...a.known_sources.filter((k) => k.s !== source), { s: source, at: now }].slice(
          -10,
        );
        a.ttl = accountTtl(a, now);
      },
    );
  }

  /** An administrator's unlock: the lock, the failures and every source's wait for this name are lifted. */
  async unlock(userName: string): Promise<{ was_locked: boolean }> {
    const now = this.clock.now().getTime();
    let wasLocked = false;
    await updateState(
      this.container,
      accountId(userName),
      () => newAccount(userName),
      (a) => {
        wasLocked = a.locked_until > now;
        a.locked_until = 0;
        a.recent_failures = [];
        a.ttl = accountTtl(a, now);
      },
    );
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query:
            "SELECT c.id FROM c WHERE c.country_code = @all AND c.type = 'login_throttle' AND c.user_name = @name",
          parameters: [
            { name: '@all', value: DEPLOYMENT_WIDE },
            { name: '@name', value: userName.toLowerCase() },
          ],
        },
        { partitionKey: [DEPLOYMENT_WIDE] },
      )
      .fetchAll();
    for (const { id } of resources)
      await this.container
        .item(id, [DEPLOYMENT_WIDE, id])
        .delete()
        .catch(() => undefined);
    return { was_locked: wasLocked };
  }

  /** When the lock of each of these accounts ends, for those locked now (one query; an admin's user list). */
  async lockedUntil(userNames: string[]): Promise<Map<string, Date>> {
    if (userNames.length === 0) return new Map();
    const { resources } = await this.container.items
      .query<{ user_name: string; locked_until: number }>(
        {
          query:
            "SELECT c.user_name, c.locked_until FROM c WHERE c.country_code = @all AND c.type = 'login_state' AND ARRAY_CONTAINS(@names, c.user_name) AND c.locked_until > @now",
          parameters: [
            { name: '@all', value: DEPLOYMENT_WIDE },
            { name: '@names', value: userNames.map((n) => n.toLowerCase()) },
            { name: '@now', value: this.clock.now().getTime() },
          ],
        },
        { partitionKey: [DEPLOYMENT_WIDE] },
      )
      .fetchAll();
    return new Map(resources.map((r) => [r.user_name, new Date(r.locked_until)]));
  }

  /** Claims a TOTP time step; false if it (or a later one) was already used, so a code works once. */
  async claimTotpStep(userName: string, step: number): Promise<boolean> {
    let claimed = false;
    await updateState(
      this.container,
      accountId(userName),
      () => newAccount(userName),
      (a) => {
        claimed = step > a.last_totp_step;
        if (claimed) a.last_totp_step = step;
        a.ttl = accountTtl(a, this.clock.now().getTime());
      },
    );
    return claimed;
  }
}

const accountId = (userName: string) => `login-${userName.toLowerCase()}`;
const pairId = (userName: string, source: string) => `throttle-${userName.toLowerCase()}-${source}`;

const isKnown = (a: AccountState, source: string, now: number) =>
  (a.known_sources ?? []).some((k) => k.s === source && now - k.at < KNOWN_SOURCE_DAYS * 86_400_000);

// Forgotten well after the last attempt, unless still locked; known sources are kept as long as they count.
const accountTtl = (a: AccountState, now: number) =>
  Math.max(KNOWN_SOURCE_DAYS * 86_400, Math.ceil((a.locked_until - now) / 1000) + 3600);

const newAccount = (userName: string): AccountState => ({
  id: accountId(userName),
  type: 'login_state',
  country_code: DEPLOYMENT_WIDE,
  user_name: userName.toLowerCase(),
  recent_failures: [],
  locked_until: 0,
  known_sources: [],
  last_totp_step: 0,
  ttl: 0,
});

const newPair = (userName: string, source: string): PairState => ({
  id: pairId(userName, source),
  type: 'login_throttle',
  country_code: DEPLOYMENT_WIDE,
  user_name: userName.toLowerCase(),
  failures: 0,
  blocked_until: 0,
  last_failure_at: 0,
  ttl: 86_400,
});
