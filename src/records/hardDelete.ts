import { attachmentRef, type AttachmentStore } from '../attachments/attachmentStore';
import { attachmentsOf } from '../attachments/recordAttachments';
import { can, type Principal } from '../auth/principal';
import { AppError, forbidden, notFound, unprocessable } from '../errors';
import type { AlertStore } from '../reminders/alertStore';
import { findReadableRecord, recordNotFound } from './recordAccess';
import type { RecordDeps } from './recordDeps';
import type { RecordRepository } from './recordRepository';
import { tombstoneOf, type Tombstones } from './tombstones';

export interface HardDeleteDeps {
  records: Pick<RecordDeps, 'history' | 'clock'>;
  tombstones: Tombstones;
  store: AttachmentStore;
  alerts: AlertStore;
}

/**
 * Removes a disabled record for good (retention, or a record that must not exist): its fields, its
 * attachments, alerts and history. What stays: the audit trail (ids, never values) and, for 40 days, a
 * tombstone so that devices holding the record drop it on their next pull.
 *
 * Order, so that a failure at any step leaves nothing behind that a retry does not finish: the blobs are
 * flagged pending first (the daily cleanup deletes pending blobs no record lists), the record becomes its
 * tombstone (conditioned on its etag), then blobs, alerts and history go. Repeating the call on a
 * tombstone re-runs those last steps.
 */
export async function hardDelete(
  deps: HardDeleteDeps,
  repo: RecordRepository,
  principal: Principal,
  id: string,
  attempt = 1,
): Promise<{ id: string; deleted: true }> {
  const { kind } = repo;
  if (!can(principal, kind.resource, 'manage'))
    throw forbidden(`Your role does not allow deleting ${kind.resource}`);
  const doc = await findReadableRecord(repo, principal, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) return undefined;
    throw error;
  });
  if (!doc) {
    const tombstone = /^[A-Za-z0-9-]{1,64}$/.test(id)
      ? await deps.tombstones.find(principal.countryCode, id)
      : undefined;
    if (!tombstone || tombstone.deleted_record_type !== kind.type) throw notFound(recordNotFound(kind.type));
    await purge(deps, principal.countryCode, kind.type, id);
    return { id, deleted: true };
  }
  if (doc.enabled)
    throw unprocessable([
      {
        detail: 'enabled',
        message: `disable the ${kind.label.toLowerCase()} first (DELETE /${kind.resource}/{id})`,
      },
    ]);
  for (const attachment of attachmentsOf(doc))
    await deps.store.markPending(attachmentRef(doc, attachment.id)).catch(() => undefined);
  try {
    await deps.tombstones.bury(
      tombstoneOf(doc, principal.user.user_name, deps.records.clock.now()),
      doc._etag as string,
    );
  } catch (error) {
    // Changed since it was read (the caller sent no If-Match): another deletion buried it first, or an edit
    // landed. Looked at again, a tombstone is finished as a retry would, a changed record taken as it is now.
    if (error instanceof AppError && error.status === 412 && attempt < 3)
      return hardDelete(deps, repo, principal, id, attempt + 1);
    throw error;
  }
  await purge(deps, doc.country_code, kind.type, doc.id);
  return { id, deleted: true };
}

async function purge(deps: HardDeleteDeps, countryCode: string, recordType: string, recordId: string) {
  // By path, not from the record's list: on a retry the record is a tombstone already.
  for (const ref of await deps.store.listRecordBlobs(countryCode, recordType, recordId))
    await deps.store.delete(ref);
  for (const alert of await deps.alerts.forRecord(countryCode, recordId))
    await deps.alerts.delete(countryCode, recordId, alert.id);
  await deps.records.history.purge(countryCode, recordId);
}
