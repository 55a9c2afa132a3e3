import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

/** The RFC 6238 time step a code belongs to (±1 step of clock drift), or undefined if it is wrong. */
export function totpStep(secretBase32: string, code: string, now: Date): number | undefined {
  const totp = new TOTP({
    secret: Secret.fromBase32(secretBase32),
    digits: 6,
    period: PERIOD,
    algorithm: 'SHA1',
  });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

export function totpCode(secretBase32: string, now: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits: 6, period: PERIOD }).generate({
    timestamp: now.getTime(),
  });
}

export function newTotpSecret(userName: string): { secret: string; otpauthUrl: string } {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({
    issuer: 'Primero',
    label: userName,
    secret,
    digits: 6,
    period: PERIOD,
    algorithm: 'SHA1',
  });
  return { secret: secret.base32, otpauthUrl: totp.toString() };
}
