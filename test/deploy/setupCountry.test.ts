import { retryTransient, TransientFailure } from '../../scripts/deployment/retry';
import { missingPrerequisites } from '../../scripts/setupCountry';

describe('setup-country prerequisites', () => {
  it('names everything missing at once, before starting', () => {
    expect(missingPrerequisites({}, {}, false, false)).toEqual([
      expect.stringContaining('az login'),
      expect.stringContaining('--deployment'),
      expect.stringContaining('--time-zone'),
      expect.stringContaining('--admin-user'),
      expect.stringContaining('--admin-email'),
    ]);
  });

  it('takes the settings from flags or from the azd environment', () => {
    const env = { COUNTRY_TIME_ZONE: 'Africa/Accra', ADMIN_USER_NAME: 'admin_gh' };
    expect(missingPrerequisites({ 'admin-email': 'ops@example.org' }, env, true, true)).toEqual([]);
  });
});

describe('waiting for role assignments to propagate', () => {
  const options = {
    attempts: 3,
    delayMs: 30_000,
    reason: 'role assignments take minutes',
    sleep: async () => {},
  };

  it('retries a transient failure, saying why and for how long, until it succeeds', async () => {
    const messages: string[] = [];
    let calls = 0;
    const result = await retryTransient(
      async () => {
        if (++calls < 3) throw new TransientFailure('The app answered 403');
        return 'done';
      },
      { ...options, log: (m) => messages.push(m) },
    );
    expect(result).toBe('done');
    expect(messages).toEqual([
      'The app answered 403. role assignments take minutes: retrying in 30 s (attempt 2 of 3).',
      'The app answered 403. role assignments take minutes: retrying in 30 s (attempt 3 of 3).',
    ]);
  });

  it('gives up after the bound, with a clear message', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw new TransientFailure('The app answered 500');
        },
        { ...options, log: () => {} },
      ),
    ).rejects.toThrow(
      'The app answered 500: still failing after 3 attempts (role assignments take minutes).',
    );
    expect(calls).toBe(3);
  });

  it('does not retry a refusal that waiting cannot fix', async () => {
    let calls = 0;
    await expect(
      retryTransient(
        async () => {
          calls++;
          throw new Error('Setup failed (422)');
        },
        { ...options, log: () => {} },
      ),
    ).rejects.toThrow('Setup failed (422)');
    expect(calls).toBe(1);
  });
});
