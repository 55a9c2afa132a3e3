import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { CHUNK, decryptingStream, encryptingStream } from '../../src/attachments/chunkCipher';

// The ciphers gather incoming pieces into whole chunks without copying each piece onto the last (issue 18):
// whatever sizes the pieces arrive in, what comes out must be the file, and a changed byte must not open.
const key = { version: 'v1', key: randomBytes(32) };

/** The bytes cut into pieces of the given sizes, in turn. */
function pieces(bytes: Buffer, sizes: number[]): Readable {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] as number;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(out);
}

async function through(source: Readable, transform: NodeJS.ReadWriteStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    source,
    transform,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
  );
  return Buffer.concat(chunks);
}

describe('attachment chunk ciphers', () => {
  it.each([
    ['one byte over a chunk', CHUNK + 1, [16 * 1024]],
    ['exactly two chunks', 2 * CHUNK, [1000, 70_000, 3]],
    ['many small pieces', 5 * CHUNK + 12_345, [7, 16_384, 65_536, 99_999]],
    ['empty', 0, [1]],
  ])('gives back the file: %s', async (_name, size, sizes) => {
    const file = randomBytes(size);
    const sealed = await through(pieces(file, sizes), encryptingStream(key, 'GH|a'));
    const opened = await through(
      pieces(sealed, [...sizes].reverse()),
      decryptingStream(async () => key, 'GH|a'),
    );
    expect(opened.equals(file)).toBe(true);
  });

  it('refuses a changed byte', async () => {
    const sealed = await through(pieces(randomBytes(3 * CHUNK), [20_000]), encryptingStream(key, 'GH|a'));
    sealed[sealed.length - 100] = (sealed[sealed.length - 100] as number) ^ 1;
    await expect(
      through(
        pieces(sealed, [30_000]),
        decryptingStream(async () => key, 'GH|a'),
      ),
    ).rejects.toThrow();
  });
});
