import { finished, type Readable } from 'node:stream';

/**
 * A web stream of a Node stream's chunks, as they are: Readable.toWeb and the Response constructor both copy
 * every chunk (to free it from a shared pool a byte stream could transfer), a 20 MB copy per download in
 * issue 18's profile. This stream is not a byte stream, so nothing can transfer a chunk away from its pool.
 * The source is paused while the web stream's queue holds a chunk, and destroyed if the reader cancels.
 */
export function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  source.pause();
  source.on('data', (chunk: Buffer) => {
    controller.enqueue(chunk);
    if ((controller.desiredSize ?? 0) <= 0) source.pause();
  });
  const cleanup = finished(source, (error) => {
    cleanup();
    source.on('error', () => undefined); // a late error of a finished source has no reader left
    if (cancelled) return;
    if (error) controller.error(error);
    else controller.close();
  });
  return new ReadableStream<Uint8Array>(
    {
      start: (c) => void (controller = c),
      pull: () => void source.resume(),
      cancel: (reason) => {
        cancelled = true;
        source.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
