import { useEffect } from 'preact/hooks';
import type { CaseRecord } from '../api';
import type { Vault } from '../vault';

/**
 * Follows the device's copy of a record: every write to it (a push's answer, a pull, a discarded change, a
 * note added elsewhere on the screen) reaches the view at once, so the views of one record never disagree.
 */
export function useDeviceCopy(
  vault: Vault,
  id: string,
  onCopy: (record: CaseRecord) => void,
  /** The copy left the device: a pull found the case out of the user's caseload now, or deleted. */
  onGone?: () => void,
) {
  useEffect(
    () =>
      vault.onChange((store, changed) => {
        if (store !== 'records' || changed !== id) return;
        void vault
          .get<CaseRecord>('records', id)
          .then((record) => (record ? onCopy(record) : onGone?.()))
          .catch(() => undefined);
      }),
    [vault, id],
  );
}
