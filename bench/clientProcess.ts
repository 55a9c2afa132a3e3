import { createReadStream } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';

/** One HTTP call for the API's client: a JSON body, a file streamed as the body, or none. */
export interface ClientCall {
  url: string;
  method?: string;
  headers: Record<string, string>;
  json?: string;
  file?: string;
  /** Keep the answer's text (small answers); otherwise only its size is counted. */
  text?: boolean;
}

export interface ClientAnswer {
  status: number;
  /** From sending the request to the answer's last byte, timed in the client's process. */
  ms: number;
  bytes: number;
  text?: string;
}

/** A create then a read of what it created (the read's URL is the create's plus the new id). */
export interface ClientPair {
  create: ClientCall;
  readHeaders: Record<string, string>;
}

export type ClientTask = { call: ClientCall } | { pair: ClientPair };

export interface ClientResult {
  answers: ClientAnswer[];
  error?: string;
}

function open(c: ClientCall): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const body = c.json === undefined ? undefined : Buffer.from(c.json);
    const headers = body ? { ...c.headers, 'Content-Length': String(body.length) } : c.headers;
    const req = request(c.url, { method: c.method ?? 'GET', headers }, resolve);
    req.on('error', reject);
    if (c.file) void pipeline(createReadStream(c.file), req).catch(reject);
    else req.end(body);
  });
}

async function call(c: ClientCall): Promise<ClientAnswer> {
  const start = process.hrtime.bigint();
  const res = await open(c);
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (c.text) chunks.push(chunk);
  }
  return {
    status: res.statusCode ?? 0,
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    bytes,
    ...(c.text ? { text: Buffer.concat(chunks).toString('utf8') } : {}),
  };
}

async function run(task: ClientTask): Promise<ClientAnswer[]> {
  if ('call' in task) return [await call(task.call)];
  const created = await call({ ...task.pair.create, text: true });
  const id = (JSON.parse(created.text ?? '{}') as { data?: { id?: string } }).data?.id;
  if (created.status !== 200 || !id) throw new Error(`create failed: ${created.status} ${created.text}`);
  const read = await call({ url: `${task.pair.create.url}/${id}`, headers: task.pair.readHeaders });
  if (read.status !== 200) throw new Error(`read failed: ${read.status}`);
  return [created, read];
}

/**
 * The API's client, in a process of its own (bench/remoteClient.ts forks it): a caller of the API never runs
 * in the server's process, and one there spent the server's CPU on reading what the server had just sent —
 * the raw side's server (the emulator) runs in a process of its own too. It calls with node:http, as the
 * Cosmos and blob SDKs do on the raw side (keep-alive through Node's global agent).
 */
process.on('message', (task: ClientTask) => {
  run(task).then(
    (answers) => process.send?.({ answers } satisfies ClientResult),
    (error: unknown) => process.send?.({ answers: [], error: String(error) } satisfies ClientResult),
  );
});
