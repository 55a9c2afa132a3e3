import { Transform, type TransformCallback } from 'node:stream';
import { AppError, payloadTooLarge } from '../errors';
import { msg } from '../messages/catalogue';
import { matchesDeclaredType, SNIFF_BYTES } from './contentSniffer';

/** Counts bytes; fails with 413 past the limit. */
export function sizeLimit(limit: number, onSize: (size: number) => void): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      size += chunk.length;
      onSize(size);
      callback(size > limit ? payloadTooLarge(limit) : null, chunk);
    },
  });
}

/** Holds back the first bytes until they prove the declared type (415 otherwise), then passes all through. */
export function typeCheck(declared: string): Transform {
  let head: Buffer[] = [];
  let length = 0;
  let checked = false;
  const check = async (stream: Transform) => {
    const sample = Buffer.concat(head);
    if (!(await matchesDeclaredType(sample.subarray(0, SNIFF_BYTES), declared))) {
      throw new AppError(415, msg('content_mismatch'), 'content_type');
    }
    checked = true;
    stream.push(sample);
    head = [];
  };
  return new Transform({
    async transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        if (checked) return callback(null, chunk);
        head.push(chunk);
        length += chunk.length;
        if (length >= SNIFF_BYTES) await check(this);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    async flush(callback: TransformCallback) {
      try {
        // An empty file has no type to prove: the uploader refuses it as empty (422), not as mistyped.
        if (!checked && length > 0) await check(this);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
