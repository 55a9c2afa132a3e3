import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const hashPassword = (password: string) => hash(password, options);

/** A new password: its hash, and the end of every session opened before it (see authenticate). */
export const passwordChange = async (password: string, now: Date) => ({
  password_hash: await hashPassword(password),
  tokens_valid_after: now.toISOString(),
});

// Verified against when the user does not exist, so the answer takes as long either way.
const decoy = hash('decoy-password-never-matches', options);

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    const matches = await verify(passwordHash ?? (await decoy), password);
    return passwordHash !== undefined && matches;
  } catch {
    return false;
  }
}
