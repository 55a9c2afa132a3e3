import { request } from 'node:http';

/**
 * Sends the path exactly as given, byte for byte: fetch would resolve `..`, re-encode, or refuse a
 * malformed escape before the request left.
 */
export const rawRequest = (baseUrl: string, token: string, method: string, path: string, body?: unknown) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${baseUrl}/`,
      {
        method,
        path,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(text ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(text);
  });
