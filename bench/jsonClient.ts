import { request } from 'node:http';

/**
 * One HTTP call with node:http, as the Cosmos and blob SDKs make theirs on the raw side: `fetch` (undici and
 * web streams) costs the bench process, which also runs the local host, about 1 ms of CPU per call more —
 * the client's cost, not the API's. Node's global agent keeps connections alive, as fetch does.
 */
export function send(
  url: string,
  init: { method?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const headers = body ? { ...init.headers, 'Content-Length': String(body.length) } : init.headers;
    const req = request(url, { method: init.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
