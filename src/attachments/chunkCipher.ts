import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DataKey } from '../crypto/dataKeys';
import { IntegrityError } from '../crypto/fieldCipher';

/**
 * Attachments at rest: a header (magic, format, key version, chunk size) then chunks of at most CHUNK
 * plaintext bytes, each `iv | ciphertext | tag` under AES-256-GCM. The attachment, the chunk index and
 * whether it is the last chunk are associated data, so chunks cannot be reordered, swapped between files
 * or dropped from the end. Streams hold about two chunks at a time, whatever the file size.
 */
export const CHUNK = 256 * 1024;
const MAX_CHUNK = 64 * CHUNK;
const MAGIC = Buffer.from('PSA1');
const OVERHEAD = 12 + 16;

const aad = (scope: string, index: number, last: boolean) => Buffer.from(`${scope}|${index}|${last ? 1 : 0}`);

/**
 * Incoming pieces (16-64 KB from HTTP or Blob Storage) kept as a list and handed out as a chunk's pieces:
 * concatenating every piece onto what was pending copied each byte several times (issue 18's profile).
 */
class Pieces {
  private list: Buffer[] = [];
  length = 0;

  add(piece: Buffer) {
    this.list.push(piece);
    this.length += piece.length;
  }

  /** The first `size` bytes (at most) as the pieces they arrived in (the last one cut), removed from the list. */
  split(size: number): Buffer[] {
    const out: Buffer[] = [];
    let wanted = Math.min(size, this.length);
    this.length -= wanted;
    while (wanted > 0) {
      const piece = this.list.shift() as Buffer;
      if (piece.length > wanted) {
        this.list.unshift(piece.subarray(wanted));
        out.push(piece.subarray(0, wanted));
        break;
      }
      out.push(piece);
      wanted -= piece.length;
    }
    return out;
  }

  /**
   * The first `size` bytes (at most) in one buffer: the piece itself if it holds them all, else gathered into
   * `scratch`, which the caller reuses once it is done with them (a fresh buffer per chunk was 20 MB more
   * for the garbage collector per 20 MB download: issue 18's profile).
   */
  take(size: number, scratch: Buffer): Buffer {
    const pieces = this.split(size);
    if (pieces.length === 1) return pieces[0] as Buffer;
    let at = 0;
    for (const piece of pieces) at += piece.copy(scratch, at);
    return scratch.subarray(0, at);
  }
}

export function encryptingStream(key: DataKey, scope: string): Transform {
  const pending = new Pieces();
  let index = 0;
  let headerSent = false;
  // GCM encrypts piece by piece: the sealed chunk goes out as the pieces came in, with no copy of ours (the
  // blob upload gathers them into its blocks).
  const sealChunk = (stream: Transform, plain: Buffer[], last: boolean) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.key, iv);
    cipher.setAAD(aad(scope, index++, last));
    stream.push(iv);
    for (const piece of plain) stream.push(cipher.update(piece));
    cipher.final();
    stream.push(cipher.getAuthTag());
  };
  const header = () => {
    const version = Buffer.from(key.version, 'ascii');
    const size = Buffer.alloc(4);
    size.writeUInt32BE(CHUNK);
    return Buffer.concat([MAGIC, Buffer.from([version.length]), version, size]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!headerSent) {
        this.push(header());
        headerSent = true;
      }
      pending.add(chunk);
      // A chunk is sealed as "not last" only once a byte after it has arrived.
      while (pending.length > CHUNK) sealChunk(this, pending.split(CHUNK), false);
      callback();
    },
    flush(callback: TransformCallback) {
      if (!headerSent) this.push(header());
      sealChunk(this, pending.split(pending.length), true);
      callback();
    },
  });
}

/** The key version a stored attachment was sealed with, read from its header. */
export function keyVersionOf(
  header: Buffer,
): { version: string; headerLength: number; chunk: number } | undefined {
  if (header.length < 5 || !header.subarray(0, 4).equals(MAGIC)) return undefined;
  const length = header[4] as number;
  if (header.length < 5 + length + 4) return undefined;
  return {
    version: header.subarray(5, 5 + length).toString('ascii'),
    headerLength: 9 + length,
    chunk: header.readUInt32BE(5 + length),
  };
}

export function decryptingStream(
  keyFor: (version: string) => Promise<DataKey | undefined>,
  scope: string,
): Transform {
  let head = Buffer.alloc(0);
  let key: DataKey | undefined;
  let record = 0;
  let index = 0;
  let scratch = Buffer.alloc(0);
  const openChunk = (sealed: Buffer, last: boolean) => {
    if (!key || sealed.length < OVERHEAD) throw new IntegrityError('attachment');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.subarray(0, 12));
      decipher.setAAD(aad(scope, index++, last));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const plain = decipher.update(sealed.subarray(12, sealed.length - 16));
      decipher.final(); // checks the tag; GCM holds nothing back, so it adds no bytes
      return plain;
    } catch {
      throw new IntegrityError('attachment');
    }
  };
  const pending = new Pieces();
  return new Transform({
    // Room for a few sealed chunks each way, so the download does not stall on the 16 KB default.
    highWaterMark: 4 * CHUNK,
    async transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (!key) {
          head = Buffer.concat([head, chunk]);
          const header = keyVersionOf(head);
          if (!header) return head.length > 64 ? callback(new IntegrityError('attachment')) : callback();
          // The chunk size sizes a buffer: a header claiming more than any writer used is not ours.
          if (header.chunk > MAX_CHUNK) return callback(new IntegrityError('attachment'));
          key = await keyFor(header.version);
          if (!key) return callback(new IntegrityError('attachment'));
          record = header.chunk + OVERHEAD;
          scratch = Buffer.allocUnsafe(record);
          pending.add(head.subarray(header.headerLength));
        } else pending.add(chunk);
        // openChunk is done with the sealed bytes when it returns (the plaintext is a buffer of its own).
        while (pending.length > record) this.push(openChunk(pending.take(record, scratch), false));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        this.push(openChunk(pending.take(pending.length, scratch), true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
