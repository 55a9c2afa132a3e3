import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchStack } from './benchStack';
import { startRemoteClient } from './remoteClient';
import { percentile } from './stats';

const SIZE = 20 * 1024 * 1024;
const ROUNDS = 3;
const mb = (bytes: number) => bytes / (1024 * 1024);

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

const THROUGHPUT_TARGET = 0.7;
const MEMORY_TARGET = 1;

/** Peak resident memory above the level at the start, while `work` runs (sampled every 5 ms). */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A 20 MB attachment up and down through the API (auth, type check, encryption, streaming) vs the raw
 * @azure/storage-blob client on the same Azurite, and how much memory the API's upload needs.
 */
export async function benchAttachments(stack: BenchStack): Promise<string[]> {
  const token = await stack.login('cw_gh');
  const auth = { Authorization: `Bearer ${token}` };
  const created = await fetch(`${stack.url}/api/v2/cases`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { name: 'Bench Attachments' } }),
  });
  const caseId = ((await created.json()) as { data: { id: string } }).data.id;
  const path = join(mkdtempSync(join(tmpdir(), 'bench-')), 'file.pdf');
  writeFileSync(path, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]));
  const container = stack.app.blob.getContainerClient(stack.app.config.ATTACHMENTS_CONTAINER);

  const apiUp: number[] = [];
  const apiDown: number[] = [];
  const rawUp: number[] = [];
  const rawDown: number[] = [];
  const growth: number[] = [];
  // The API's caller in a process of its own (bench/clientProcess.ts), as Azurite is on the raw side.
  const client = startRemoteClient();
  try {
    // One more round than measured: the first warms both paths (JIT, connections, and the memory allocator's
    // first pages, 10-30 MB of resident memory once), like the other benchmarks' warm-up.
    for (let round = 0; round <= ROUNDS; round++) {
      const { result: upload, growth: g } = await peakRssGrowth(async () => {
        const [answer] = await client.run({
          call: {
            url: `${stack.url}/api/v2/cases/${caseId}/attachments?field_name=other_documents&file_name=bench.pdf`,
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/pdf', 'Content-Length': String(SIZE) },
            file: path,
            text: true,
          },
        });
        if (answer?.status !== 200) throw new Error(`upload failed: ${answer?.status} ${answer?.text}`);
        return answer;
      });
      apiUp.push(upload.ms);
      growth.push(g);
      const id = (JSON.parse(upload.text ?? '{}') as { data: { id: string } }).data.id;
      const [download] = await client.run({
        call: { url: `${stack.url}/api/v2/attachments/${id}`, headers: auth },
      });
      if (download?.status !== 200 || download.bytes !== SIZE)
        throw new Error('download failed or size mismatch');
      apiDown.push(download.ms);

      const blob = container.getBlockBlobClient(`bench/raw-${round}`);
      let t0 = performance.now();
      await blob.uploadStream(createReadStream(path), 1024 * 1024, 2);
      rawUp.push(performance.now() - t0);
      t0 = performance.now();
      await drain((await blob.download()).readableStreamBody as AsyncIterable<Uint8Array>);
      rawDown.push(performance.now() - t0);
    }
  } finally {
    client.stop();
  }
  for (const samples of [apiUp, apiDown, rawUp, rawDown, growth]) samples.shift();
  const med = (xs: number[]) => percentile(xs, 50);
  // Issue 18's targets: at least 0.7x the raw client's throughput, peak memory under the file's size.
  const throughput = (api: number[], raw: number[]) => {
    const ratio = med(raw) / med(api);
    return `${ratio.toFixed(2)}x   target >= ${THROUGHPUT_TARGET}x: ${ratio >= THROUGHPUT_TARGET ? 'met' : 'MISSED'}`;
  };
  const rate = (ms: number) => `${(mb(SIZE) / (ms / 1000)).toFixed(1)} MB/s`;
  return [
    `attachments, 20 MB, median of ${ROUNDS}, API vs raw @azure/storage-blob on the same Azurite:`,
    `  upload   throughput API/raw ${throughput(apiUp, rawUp)}   (API ${rate(med(apiUp))}, raw ${rate(med(rawUp))})`,
    `  download throughput API/raw ${throughput(apiDown, rawDown)}   (API ${rate(med(apiDown))}, raw ${rate(med(rawDown))})`,
    `  peak RSS growth during the API upload: ${mb(Math.max(...growth)).toFixed(1)} MB = ${(Math.max(...growth) / SIZE).toFixed(2)}x the file size   target < ${MEMORY_TARGET}x: ${Math.max(...growth) / SIZE < MEMORY_TARGET ? 'met' : 'MISSED'}`,
  ];
}
