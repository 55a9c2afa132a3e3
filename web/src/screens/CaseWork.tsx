import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError, type CaseRecord } from '../api';
import { can, type Me } from '../caseworkApi';
import { placeOf } from '../route';
import { pendingMutations } from '../sync';
import type { Vault } from '../vault';
import { Attachments } from './Attachments';
import { CaseActions } from './CaseActions';
import { useDeviceCopy } from './useDeviceCopy';

/**
 * Below the case's form: its files and the casework on it. It reads the server's copy when online (the
 * actions change it there) and the device's otherwise, and keeps the device's copy current.
 */
export function CaseWork(props: {
  id: string;
  /** Where to open it (route.ts): approvals, transfers and referrals to accept, or the alerts. */
  at?: string;
  vault: Vault;
  online: boolean;
  me?: Me;
  /** Syncs the device with the server; done once it has. */
  onSync: () => Promise<void>;
}) {
  const { id, vault, online } = props;
  const [record, setRecord] = useState<CaseRecord>();
  const [tick, setTick] = useState(0);
  useDeviceCopy(vault, id, setRecord);
  // The device's copy at once (a note just added is listed), and again once the push has answered.
  const reload = useCallback(async () => {
    setTick((n) => n + 1);
    await props.onSync();
    setTick((n) => n + 1);
  }, [props.onSync]);

  useEffect(() => {
    const load = async () => {
      const local = await vault.get<CaseRecord>('records', id);
      if (local) setRecord(local);
      if (!online) return;
      // An edit made here still waits to be sent (a note just added): the device's copy shows it, and the
      // server's, older, would hide it until the push lands, and overwrite it on the device.
      if (local && (await pendingMutations(vault)).some((m) => m.id === id)) return;
      const fresh = await api.case(id).then(
        (r) => r.data,
        async (error: unknown) => {
          // Not the user's any more (assigned or transferred away just now, or deleted): as a pull would,
          // the device lets go of it, and the case screen says so. A pull waits seconds to see the change.
          if (error instanceof ApiError && error.status === 404) await vault.delete('records', id);
          throw error;
        },
      );
      setRecord(fresh);
      if (local?.version === undefined || (fresh.version ?? 0) >= local.version)
        await vault.put('records', id, { ...local, ...fresh });
    };
    load().catch(() => undefined);
  }, [id, vault, online, tick]);

  if (!record) return null;
  return (
    <>
      <Attachments
        recordType="cases"
        record={record}
        vault={vault}
        online={online}
        canRemove={!props.me || can(props.me, 'cases', 'write')}
        grants={props.me?.permitted_form}
        onChanged={reload}
      />
      <CaseActions
        record={record}
        me={props.me}
        vault={vault}
        online={online}
        at={placeOf(props.at)?.kind}
        openedAt={props.at}
        onChanged={reload}
      />
    </>
  );
}
