import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { emulatorInfo } from './emulatorEnv';
import type { FakeEntra } from './fakeEntra';

/** The resource ACS accepts Entra tokens for (the SDK asks for `https://communication.azure.com//.default`). */
const ACS_RESOURCE = 'https://communication.azure.com';

export interface SentEmail {
  operationId: string;
  senderAddress: string;
  to: string[];
  subject: string;
  plainText: string;
  trackingDisabled: boolean;
}

/**
 * Azure Communication Services Email over its REST protocol, for the real `@azure/communication-email`
 * client: either a managed identity's bearer token, checked as ACS does (issued by the (fake) Entra, for
 * the communication resource, of the tenant, unexpired), or HMAC-SHA256 request signing checked against
 * the access key; then `POST /emails:send` (202 with an
 * `operation-location`), `GET /emails/operations/{id}`. A repeated `Operation-Id` is the same operation, as
 * in ACS. Recipients listed in `bounce` end in status Failed.
 */
export class AcsEmailFake {
  readonly sent: SentEmail[] = [];
  readonly bounce = new Set<string>();
  unauthorized = 0;
  private readonly key = randomBytes(32).toString('base64');
  private readonly operations = new Map<
    string,
    { status: string; error?: { code: string; message: string } }
  >();
  private server?: Server;
  private port = 0;

  constructor(private readonly entra: FakeEntra) {}

  /** The resource's endpoint, for a client with a managed identity. */
  get endpoint() {
    return `https://127.0.0.1:${this.port}/`;
  }

  get connectionString() {
    return `endpoint=https://127.0.0.1:${this.port}/;accesskey=${this.key}`;
  }

  /** The fake's certificate (the emulators' self-signed one), for clients to trust it and nothing else. */
  get caPath() {
    return emulatorInfo().cert.certPath;
  }

  async start(): Promise<void> {
    const { cert } = emulatorInfo();
    const tls = { key: readFileSync(cert.keyPath), cert: readFileSync(cert.certPath) };
    this.server = createServer(tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(json === undefined ? undefined : JSON.stringify(json));
        };
        if (!this.authorized(req, body)) {
          this.unauthorized += 1;
          return reply(401, { error: { code: 'Denied', message: 'Denied by the resource provider.' } });
        }
        const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
        const apiVersion = url.searchParams.get('api-version');
        if (req.method === 'POST' && url.pathname === '/emails:send' && apiVersion) {
          const operationId = String(req.headers['operation-id'] ?? randomUUID());
          const message = JSON.parse(body) as {
            senderAddress: string;
            recipients: { to: { address: string }[] };
            content: { subject: string; plainText: string };
            userEngagementTrackingDisabled?: boolean;
          };
          if (!this.operations.has(operationId)) {
            const to = message.recipients.to.map((r) => r.address);
            const bounced = to.some((a) => this.bounce.has(a));
            this.operations.set(
              operationId,
              bounced
                ? {
                    status: 'Failed',
                    error: { code: 'EmailDroppedAllRecipientsSuppressed', message: 'suppressed' },
                  }
                : { status: 'Succeeded' },
            );
            if (!bounced)
              this.sent.push({
                operationId,
                senderAddress: message.senderAddress,
                to,
                subject: message.content.subject,
                plainText: message.content.plainText,
                trackingDisabled: message.userEngagementTrackingDisabled === true,
              });
          }
          return reply(
            202,
            { id: operationId, status: 'Running' },
            {
              'operation-location': `https://${req.headers.host}/emails/operations/${operationId}?api-version=${apiVersion}`,
              'retry-after': '0',
            },
          );
        }
        const op = /^\/emails\/operations\/([0-9a-f-]+)$/.exec(url.pathname);
        if (req.method === 'GET' && op?.[1]) {
          const state = this.operations.get(op[1]);
          if (!state) return reply(404, { error: { code: 'NotFound', message: 'no such operation' } });
          return reply(200, { id: op[1], ...state });
        }
        return reply(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private authorized(req: IncomingMessage, body: string): boolean {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Bearer '))
      return this.entra.verify(authorization, ACS_RESOURCE) !== undefined;
    return this.signedCorrectly(req, body);
  }

  /** `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=...` over verb, path, date, host, body hash. */
  private signedCorrectly(req: IncomingMessage, body: string): boolean {
    const auth = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(
      String(req.headers.authorization ?? ''),
    );
    const contentHash = createHash('sha256').update(body).digest('base64');
    if (!auth?.[1] || req.headers['x-ms-content-sha256'] !== contentHash) return false;
    const toSign = `${req.method}\n${req.url}\n${String(req.headers['x-ms-date'])};${String(req.headers.host)};${contentHash}`;
    const expected = createHmac('sha256', Buffer.from(this.key, 'base64')).update(toSign).digest();
    const given = Buffer.from(auth[1], 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
