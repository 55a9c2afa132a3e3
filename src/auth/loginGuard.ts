import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';
import { tooManyRequests } from '../errors';
import { DEPLOYMENT_WIDE } from '../platform/containers';

interface LoginState {
  id: string;
  type: 'login_state';
  country_code: string;
  user_name: string;
  window_started_at: number;
  window_attempts: number;
  consecutive_failures: number;
  locked_until: number;
  last_totp_step: number;
  ttl: number;
  _etag?: string;
}

export interface LoginLimits {
  maxAttemptsPerMinute: number;
  lockoutFailures: number;
  lockoutMinutes: number;
}

const WINDOW_MS = 60_000;

/**
 * Throttling and lockout per user name, kept in Cosmos so that every function instance sees the same
 * counts. Tracked for any name, existing or not, so the answers reveal nothing about which accounts exist.
 */
export class LoginGuard {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
    private readonly limits: LoginLimits,
  ) {}

  /** Counts an attempt, or refuses it (429) while throttled or locked. */
  async admit(userName: string): Promise<void> {
    await this.update(userName, (s, now) => {
      if (s.locked_until > now) {
        throw tooManyRequests(
          Math.ceil((s.locked_until - now) / 1000),
          'Too many failed sign-ins: this account is locked for now; try again later',
        );
      }
      if (now - s.window_started_at >= WINDOW_MS) {
        s.window_started_at = now;
        s.window_attempts = 0;
      }
      if (s.window_attempts >= this.limits.maxAttemptsPerMinute) {
        throw tooManyRequests(Math.ceil((s.window_started_at + WINDOW_MS - now) / 1000));
      }
      s.window_attempts += 1;
    });
  }

  async recordFailure(userName: string): Promise<void> {
    await this.update(userName, (s, now) => {
      s.consecutive_failures += 1;
      if (s.consecutive_failures >= this.limits.lockoutFailures) {
        s.locked_until = now + this.limits.lockoutMinutes * 60_000;
        s.consecutive_failures = 0;
      }
    });
  }

  async recordSuccess(userName: string): Promise<void> {
    await this.update(userName, (s) => {
      s.consecutive_failures = 0;
    });
  }

  /** Claims a TOTP time step; false if it (or a later one) was already used, so a code works once. */
  async claimTotpStep(userName: string, step: number): Promise<boolean> {
    let claimed = false;
    await this.update(userName, (s) => {
      claimed = step > s.last_totp_step;
      if (claimed) s.last_totp_step = step;
    });
    return claimed;
  }

  private async update(userName: string, change: (s: LoginState, now: number) => void): Promise<void> {
    const id = `login-${userName.toLowerCase()}`;
    const item = this.container.item(id, [DEPLOYMENT_WIDE, id]);
    for (let attempt = 0; attempt < 10; attempt++) {
      const now = this.clock.now().getTime();
      const { resource } = await item.read<LoginState>();
      const state: LoginState = resource ?? {
        id,
        type: 'login_state',
        country_code: DEPLOYMENT_WIDE,
        user_name: userName.toLowerCase(),
        window_started_at: now,
        window_attempts: 0,
        consecutive_failures: 0,
        locked_until: 0,
        last_totp_step: 0,
        ttl: 0,
      };
      change(state, now);
      // Forgotten a day after the last attempt, unless still locked.
      state.ttl = Math.max(86_400, Math.ceil((state.locked_until - now) / 1000) + 3600);
      try {
        if (resource?._etag) {
          await item.replace(state, { accessCondition: { type: 'IfMatch', condition: resource._etag } });
        } else {
          await this.container.items.create(state);
        }
        return;
      } catch (error) {
        const code = (error as { code?: number }).code;
        if (code !== 412 && code !== 409) throw error;
        // Another attempt for the same name raced us: read again and reapply.
      }
    }
    throw new Error('login state update kept conflicting');
  }
}
