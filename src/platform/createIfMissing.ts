import type { Container } from '@azure/cosmos';

/** Creates the document unless one with its id exists (Cosmos refuses the second create atomically): false then. */
export async function createIfMissing(
  container: Container,
  doc: { id: string; [key: string]: unknown },
): Promise<boolean> {
  try {
    await container.items.create(doc);
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 409) return false;
    throw error;
  }
}
