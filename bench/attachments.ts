import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { BenchStack } from './benchStack';
import { percentile } from './stats';

const SIZE = 20 * 1024 * 1024;
const ROUNDS = 3;
const mb = (bytes: number) => bytes / (1024 * 1024);

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const chunk of stream) n += chunk.length;
  return n;
}

/**
 * The API's side is called with node:http, as the blob SDK calls Azurite on the raw side: `fetch` (undici and
 * web streams) cost this process, which also runs the local host, 20-30 ms of CPU more per 20 MB download and
 * more than twice the CPU per upload, with three times the full garbage collections: the client's cost, not
 * the API's.
 */
function call(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: string },
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, resolve);
    req.on('error', reject);
    if (!init.body) req.end();
    else void pipeline(createReadStream(init.body), req).catch(reject);
  });
}

async function text(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
  for (let round = 0; round < ROUNDS; round++) {
    global.gc?.();
    let t0 = performance.now();
    const { result: id, growth: g } = await peakRssGrowth(async () => {
      const res = await call(
        `${stack.url}/api/v2/cases/${caseId}/attachments?field_name=other_documents&file_name=bench.pdf`,
        {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/pdf', 'Content-Length': String(SIZE) },
          body: path,
        },
      );
      const answer = await text(res);
      if (res.statusCode !== 200) throw new Error(`upload failed: ${res.statusCode} ${answer}`);
      return (JSON.parse(answer) as { data: { id: string } }).data.id;
    });
    apiUp.push(performance.now() - t0);
    growth.push(g);
    t0 = performance.now();
    const res = await call(`${stack.url}/api/v2/attachments/${id}`, { headers: auth });
    if ((await drain(res)) !== SIZE) throw new Error('download size mismatch');
    apiDown.push(performance.now() - t0);

    const blob = container.getBlockBlobClient(`bench/raw-${round}`);
    t0 = performance.now();
    await blob.uploadStream(createReadStream(path), 1024 * 1024, 2);
    rawUp.push(performance.now() - t0);
    t0 = performance.now();
    await drain((await blob.download()).readableStreamBody as AsyncIterable<Uint8Array>);
    rawDown.push(performance.now() - t0);
  }
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
