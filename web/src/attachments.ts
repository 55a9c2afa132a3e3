/**
 * A record's files: uploads with progress, downloads, removal, and files added offline (in any upload box)
 * kept sealed in the vault until the network returns. Every request carries the token; no file goes to the
 * service worker's cache or to a URL (previews are object URLs of bytes fetched with the token).
 */
import { ApiError, requestHeaders, call, NetworkError } from './api';
import type { Vault } from './vault';
import { askForBackgroundSync } from './backgroundSync';

/** An upload box's name: a built-in one (`photos`, `other_documents`, `recorded_audio`) or one of the forms'. */
export type AttachmentField = string;

export interface Attachment {
  id: string;
  field_name: AttachmentField;
  file_name: string;
  content_type: string;
  size: number;
  date: string;
  attachment_url: string;
}

/** A file waiting on the device; its `id` is sent with the upload, so a retry never stores it twice. */
export interface PendingUpload {
  id: string;
  record_type: string;
  record_id: string;
  field_name: AttachmentField;
  file_name: string;
  content_type: string;
  base64: string;
  queued_at: string;
}

/** A box's list as the server writes it: attachments that each name the box they are in. */
const isAttachmentList = (key: string, value: unknown): value is Attachment[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every(
    (a: Partial<Attachment> | null) =>
      typeof a === 'object' && a !== null && a.field_name === key && typeof a.attachment_url === 'string',
  );

/**
 * Every file of the record, in whichever upload box holds it: the built-in ones, the forms' (a custom box
 * included), and one since removed from the forms, whose files are still the record's.
 */
export const attachmentsOf = (record: Record<string, unknown>): Attachment[] =>
  Object.entries(record).flatMap(([key, value]) => (isAttachmentList(key, value) ? value : []));

/** Whether a record's key holds files (shown as files, not as a value). */
export const holdsFiles = (record: Record<string, unknown>, key: string) =>
  isAttachmentList(key, record[key]);

/** Sends a file as the raw body (no base64 inflation), reporting progress from 0 to 1. */
export function upload(
  recordType: string,
  recordId: string,
  field: AttachmentField,
  file: { name: string; type: string; body: Blob },
  onProgress: (fraction: number) => void = () => undefined,
  attachmentId?: string,
): Promise<Attachment> {
  const query = new URLSearchParams({ field_name: field, file_name: file.name });
  if (attachmentId) query.set('attachment_id', attachmentId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v2/${recordType}/${encodeURIComponent(recordId)}/attachments?${query}`);
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new NetworkError('No connection'));
    xhr.onload = () => {
      let body: { data?: Attachment; errors?: { message?: string; detail?: string }[] } = {};
      try {
        body = JSON.parse(xhr.responseText || '{}') as typeof body;
      } catch {
        // not JSON: reported by status below
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.data) {
        onProgress(1);
        resolve(body.data);
      } else {
        const first = body.errors?.[0];
        reject(new ApiError(xhr.status, first?.message ?? `Upload failed (${xhr.status})`, first?.detail));
      }
    };
    xhr.send(file.body);
  });
}

/** The file's bytes, fetched with the token, as an object URL the caller revokes. */
export async function objectUrl(attachment: Attachment): Promise<string> {
  let response: Response;
  try {
    response = await fetch(attachment.attachment_url, { headers: requestHeaders(), cache: 'no-store' });
  } catch {
    throw new NetworkError('No connection');
  }
  if (!response.ok) throw new ApiError(response.status, `Download failed (${response.status})`);
  return URL.createObjectURL(await response.blob());
}

/** Saves the file through a temporary link: the browser's own download, named as uploaded. */
export async function download(attachment: Attachment): Promise<void> {
  const url = await objectUrl(attachment);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.file_name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const removeAttachment = (recordType: string, recordId: string, attachmentId: string) =>
  call<unknown>(
    'DELETE',
    `/${recordType}/${encodeURIComponent(recordId)}/attachments/${encodeURIComponent(attachmentId)}`,
  );

// Pending uploads live in the vault's meta store (sealed like everything else): an index of ids plus one
// entry per file, so the vault's schema does not change.
const INDEX = 'uploads';
const entryKey = (id: string) => `upload:${id}`;
/** Whether a key of the meta store holds a file waiting to upload. */
export const isUploadKey = (metaKey: string) => metaKey.startsWith('upload:');

const toBase64 = async (blob: Blob) => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export async function queueUpload(
  vault: Vault,
  recordType: string,
  recordId: string,
  field: AttachmentField,
  file: File,
): Promise<PendingUpload> {
  const pending: PendingUpload = {
    id: crypto.randomUUID(),
    record_type: recordType,
    record_id: recordId,
    field_name: field,
    file_name: file.name,
    content_type: file.type,
    base64: await toBase64(file),
    queued_at: new Date().toISOString(),
  };
  await vault.put('meta', entryKey(pending.id), pending);
  const ids = (await vault.get<string[]>('meta', INDEX)) ?? [];
  await vault.put('meta', INDEX, [...ids, pending.id]);
  askForBackgroundSync();
  return pending;
}

export async function pendingUploads(vault: Vault, recordId?: string): Promise<PendingUpload[]> {
  const ids = (await vault.get<string[]>('meta', INDEX)) ?? [];
  const all = await Promise.all(ids.map((id) => vault.get<PendingUpload>('meta', entryKey(id))));
  return all.filter((u): u is PendingUpload => !!u && (!recordId || u.record_id === recordId));
}

export const pendingBlob = (u: PendingUpload) => new Blob([fromBase64(u.base64)], { type: u.content_type });

/**
 * Sends the files waiting on the device, oldest first. One whose record has not reached the server yet (a
 * case created offline) waits for the next round; one the server refuses is kept and reported.
 */
export async function flushUploads(vault: Vault): Promise<{ sent: number; refused: string[] }> {
  let sent = 0;
  const refused: string[] = [];
  for (const u of await pendingUploads(vault)) {
    try {
      await upload(
        u.record_type,
        u.record_id,
        u.field_name,
        { name: u.file_name, type: u.content_type, body: pendingBlob(u) },
        undefined,
        u.id,
      );
    } catch (error) {
      if (error instanceof NetworkError) break;
      if (error instanceof ApiError && error.status === 404) continue; // record not pushed yet
      if (error instanceof ApiError && error.status === 503) continue; // busy, or a try still running: later
      // Kept for the user, a 409 too: a retry of a stored upload answers the stored attachment (200), so a
      // 409 means the id holds another file or is another record's, and this file is stored nowhere.
      refused.push(`${u.file_name}: ${error instanceof Error ? error.message : 'refused'}`);
      continue;
    }
    await vault.delete('meta', entryKey(u.id));
    const ids = (await vault.get<string[]>('meta', INDEX)) ?? [];
    await vault.put(
      'meta',
      INDEX,
      ids.filter((id) => id !== u.id),
    );
    sent += 1;
  }
  return { sent, refused };
}
