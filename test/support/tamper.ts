import type { Container } from '@azure/cosmos';

/**
 * Flips a byte of a sealed field (the name unless told) of a GH record in Cosmos, as tampering (or a value
 * that no longer matches its key) would; resolves with a function that puts the stored ciphertext back, as
 * a restore from a backup would.
 */
export async function tamperWithSealed(
  records: Container,
  id: string,
  field = 'name',
): Promise<() => Promise<void>> {
  const item = records.item(id, ['GH', id]);
  const { resource: doc } = await item.read();
  const sealed = doc[field] as { ct: string };
  const ct = Buffer.from(sealed.ct, 'base64');
  ct[0] = (ct[0] as number) ^ 0xff;
  await item.replace({ ...doc, [field]: { ...sealed, ct: ct.toString('base64') } });
  return async () => {
    const { resource: now } = await item.read();
    await item.replace({ ...now, [field]: sealed });
  };
}
