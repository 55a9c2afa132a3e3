import type { Container } from '@azure/cosmos';
import { DEPLOYMENT_WIDE } from '../platform/containers';

/** A small state document of the sign-in guard, in the deployment-wide partition of `users`. */
export interface StateDoc {
  id: string;
  type: string;
  country_code: string;
  user_name: string;
  ttl: number;
  _etag?: string;
}

/**
 * Reads, changes and writes one state document with an etag condition, re-reading on a race: every function
 * instance sees the same counts, and two attempts at once are both counted.
 */
export async function updateState<T extends StateDoc>(
  container: Container,
  id: string,
  initial: () => T,
  change: (state: T) => void,
): Promise<T> {
  const item = container.item(id, [DEPLOYMENT_WIDE, id]);
  for (let attempt = 0; attempt < 10; attempt++) {
    const { resource } = await item.read<T>();
    // Documents written before a field existed get its initial value.
    const state = resource ? { ...initial(), ...resource } : initial();
    change(state);
    try {
      if (resource?._etag) {
        await item.replace(state, { accessCondition: { type: 'IfMatch', condition: resource._etag } });
      } else {
        await container.items.create(state);
      }
      return state;
    } catch (error) {
      const code = (error as { code?: number }).code;
      if (code !== 412 && code !== 409) throw error;
    }
  }
  throw new Error('sign-in state update kept conflicting');
}

export const readState = async <T extends StateDoc>(container: Container, id: string) =>
  (await container.item(id, [DEPLOYMENT_WIDE, id]).read<T>()).resource;
