import { pipeline, Transform, type Readable } from 'node:stream';
import type { ContainerClient } from '@azure/storage-blob';

export interface BlobRef {
  country_code: string;
  record_type: string;
  record_id: string;
  attachment_id: string;
}

/** Where an attachment of a record lives. */
export const attachmentRef = (
  doc: { country_code: string; record_type: string; id: string },
  attachmentId: string,
): BlobRef => ({
  country_code: doc.country_code,
  record_type: doc.record_type,
  record_id: doc.id,
  attachment_id: attachmentId,
});

export const blobPath = (r: BlobRef) =>
  `${r.country_code}/${r.record_type}/${r.record_id}/${r.attachment_id}`;

/** Parses a blob name back into its parts (the cleanup job lists blobs). */
export function parseBlobPath(name: string): BlobRef | undefined {
  const [country_code, record_type, record_id, attachment_id, ...rest] = name.split('/');
  if (!country_code || !record_type || !record_id || !attachment_id || rest.length > 0) return undefined;
  return { country_code, record_type, record_id, attachment_id };
}

/**
 * Encrypted attachment blobs in the private container. A blob is written `pending` and becomes `committed`
 * only once the record lists it: Blob Storage has no atomic rename, so the state is a metadata flag, and
 * the cleanup job removes pending blobs nobody committed.
 */
export class AttachmentStore {
  /** The client is made on first use: the blob SDK is not loaded at a cold start (issue 18). */
  constructor(
    private readonly containerClient: () => ContainerClient,
    /** The SDK's try timeout only asks the server to hurry; this bound is enforced on our side. */
    private readonly timeoutMs = 10_000,
  ) {}

  private get container(): ContainerClient {
    return this.containerClient();
  }

  private get bounded() {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }

  /**
   * Streams the upload; aborted when neither the client's bytes nor Storage's acknowledgements have moved
   * for the timeout (a stalled Storage account, not a slow phone: each byte in resets the watch).
   */
  async uploadPending(ref: BlobRef, encrypted: Readable): Promise<void> {
    const stalled = new AbortController();
    let watch: NodeJS.Timeout | undefined;
    let giveUp: (error: Error) => void = () => undefined;
    // The SDK notices an abort only when its socket moves again: the caller must not wait for that.
    const gaveUp = new Promise<never>((_resolve, reject) => (giveUp = reject));
    const moved = () => {
      clearTimeout(watch);
      watch = setTimeout(() => {
        const error = Object.assign(new Error('Blob upload stalled'), { name: 'AbortError' });
        stalled.abort(error);
        giveUp(error);
      }, this.timeoutMs);
    };
    const watched = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        moved();
        callback(null, chunk);
      },
    });
    pipeline(encrypted, watched, () => undefined); // errors reach the caller through its own pipeline
    moved();
    try {
      // Two 1 MiB blocks: four (three in flight) made no difference in 44 alternating 20 MB uploads (issue 18).
      const upload = this.container.getBlockBlobClient(blobPath(ref)).uploadStream(watched, 1024 * 1024, 2, {
        metadata: { state: 'pending' },
        blobHTTPHeaders: { blobContentType: 'application/octet-stream' },
        abortSignal: stalled.signal,
        onProgress: moved,
      });
      // A late end of an abandoned upload leaves at most a pending blob, which the cleanup job removes.
      upload.catch(() => undefined);
      await Promise.race([upload, gaveUp]);
    } finally {
      clearTimeout(watch);
    }
  }

  markCommitted(ref: BlobRef): Promise<unknown> {
    return this.container.getBlobClient(blobPath(ref)).setMetadata({ state: 'committed' }, this.bounded);
  }

  markPending(ref: BlobRef): Promise<unknown> {
    return this.container.getBlobClient(blobPath(ref)).setMetadata({ state: 'pending' }, this.bounded);
  }

  async delete(ref: BlobRef): Promise<void> {
    await this.container.getBlobClient(blobPath(ref)).deleteIfExists(this.bounded);
  }

  async download(ref: BlobRef): Promise<Readable> {
    const response = await this.container.getBlobClient(blobPath(ref)).download(0, undefined, this.bounded);
    return response.readableStreamBody as Readable;
  }

  /** Every blob stored under a record (its hard deletion). */
  async listRecordBlobs(countryCode: string, recordType: string, recordId: string): Promise<BlobRef[]> {
    const refs: BlobRef[] = [];
    for await (const blob of this.container.listBlobsFlat({
      prefix: `${countryCode}/${recordType}/${recordId}/`,
    })) {
      const ref = parseBlobPath(blob.name);
      if (ref) refs.push(ref);
    }
    return refs;
  }

  /** Pending blobs last written before `olderThan`, in pages (bounded work per call of the caller). */
  async *pendingBefore(olderThan: Date): AsyncGenerator<BlobRef> {
    for await (const blob of this.container.listBlobsFlat({ includeMetadata: true })) {
      if (blob.metadata?.state !== 'pending' || !blob.properties.lastModified) continue;
      if (blob.properties.lastModified >= olderThan) continue;
      const ref = parseBlobPath(blob.name);
      if (ref) yield ref;
    }
  }
}
