import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable, Transform } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { QueueServiceClient } from '@azure/storage-queue';
import { webStreamOf } from '../http/webStream';
import { resolveSetting } from './appSettings';
import type { RegisteredFunction } from './functionsCore';
import { buildHttpRoutes, routeRequest, type HttpRoute } from './httpRouter';
import { presentsKey } from './masterKey';
import { QueueListener } from './queueListener';
import { scheduleTimer, type ScheduledTimer, type TimerInfo } from './timerScheduler';

export interface HostSettings {
  /** host.json `extensions.http.routePrefix` (default `api`). */
  routePrefix: string;
  maxDequeueCount: number;
  visibilityTimeoutSeconds: number;
  maxPollingIntervalMs: number;
  queueBatchSize: number;
  /** The real host refuses request bodies over 100 MB. */
  maxRequestBytes: number;
}

export const defaultHostSettings: HostSettings = {
  routePrefix: 'api',
  maxDequeueCount: 5,
  visibilityTimeoutSeconds: 0,
  maxPollingIntervalMs: 2000,
  queueBatchSize: 16,
  maxRequestBytes: 100 * 1024 * 1024,
};

/** How long closing waits for the requests being handled. */
const DRAIN_MS = 10_000;

export interface HostOptions {
  functions: RegisteredFunction[];
  settings?: Partial<HostSettings>;
  env?: NodeJS.ProcessEnv;
  /** Start timer schedules and queue polling (tests of HTTP endpoints leave them off). */
  triggers?: boolean;
  log?: (line: string) => void;
  /** Admin-level HTTP functions demand it, as in Azure; without one they answer 401 to everyone. */
  masterKey?: string;
}

/**
 * A local Functions host for the registrations captured by our `@azure/functions-core`: HTTP triggers on a
 * port with the route prefix, timers on their schedules, queue triggers polling Azurite, and
 * `POST /admin/functions/<name>` to run a non-HTTP function now.
 */
export class LocalHost {
  readonly settings: HostSettings;
  private readonly routes: HttpRoute[];
  private readonly env: NodeJS.ProcessEnv;
  private server?: Server;
  private timers: ScheduledTimer[] = [];
  private listeners: QueueListener[] = [];
  private readonly log: (line: string) => void;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: HostOptions) {
    this.settings = { ...defaultHostSettings, ...options.settings };
    this.env = options.env ?? process.env;
    this.routes = buildHttpRoutes(options.functions, this.settings.routePrefix);
    this.log = options.log ?? (() => undefined);
  }

  get functions(): RegisteredFunction[] {
    return this.options.functions;
  }

  async listen(port: number, hostname = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      const serving = this.serve(req, res).finally(() => this.inFlight.delete(serving));
      this.inFlight.add(serving);
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, hostname, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    if (this.options.triggers !== false) await this.startTriggers();
    return `http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${address.port}`;
  }

  async close(): Promise<void> {
    this.timers.forEach((t) => t.stop());
    await Promise.all(this.listeners.map((l) => l.stop()));
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server.closeIdleConnections();
    // As the real host drains on shutdown: a save being handled finishes rather than stopping half-way
    // (its record written, its audit entry not); one that hangs is cut off after DRAIN_MS.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS).unref())),
    ]);
    clearTimeout(timer);
    this.server.closeAllConnections();
    await closed;
  }

  /** The function list `func start` prints. */
  describe(baseUrl: string): string {
    const lines = this.options.functions.map((fn) => {
      if (fn.trigger.type === 'httpTrigger') {
        const route = this.routes.find((r) => r.fn === fn);
        return `        ${fn.name}: [${route?.methods.join(',')}] ${baseUrl}/${route?.route.template}`;
      }
      return `        ${fn.name}: ${fn.trigger.type}`;
    });
    return `Functions:\n\n${lines.join('\n')}\n`;
  }

  /** Runs a non-HTTP function once with the given input, as the admin endpoint and the triggers do. */
  async invoke(
    name: string,
    input: unknown,
    triggerMetadata: Record<string, unknown> = {},
  ): Promise<unknown> {
    const fn = this.options.functions.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!fn) throw new Error(`No function named ${name}`);
    const context = this.context(fn, triggerMetadata);
    this.log(`Executing 'Functions.${fn.name}' (Id=${context.invocationId})`);
    try {
      const result = await fn.handler(input, context);
      this.log(`Executed 'Functions.${fn.name}' (Succeeded, Id=${context.invocationId})`);
      return result;
    } catch (error) {
      this.log(
        `Executed 'Functions.${fn.name}' (Failed, Id=${context.invocationId}): ${(error as Error)?.message}`,
      );
      throw error;
    }
  }

  private context(fn: RegisteredFunction, triggerMetadata: Record<string, unknown>) {
    return new InvocationContext({
      invocationId: randomUUID(),
      functionName: fn.name,
      triggerMetadata,
      options: { trigger: fn.trigger as never },
      logHandler: (level, ...args) => this.log(`[${level}] ${fn.name}: ${args.map(String).join(' ')}`),
    });
  }

  private async startTriggers() {
    for (const fn of this.options.functions) {
      if (fn.trigger.type === 'timerTrigger') {
        const schedule = resolveSetting(String(fn.trigger.schedule), this.env);
        const fire = async (info: TimerInfo) => {
          await this.invoke(fn.name, info).catch(() => undefined);
        };
        this.timers.push(scheduleTimer(schedule, fire));
        if (fn.trigger.runOnStartup)
          void fire({
            isPastDue: false,
            schedule: { adjustForDST: true },
            scheduleStatus: { last: '', next: '', lastUpdated: '' },
          });
      } else if (fn.trigger.type === 'queueTrigger') {
        const listener = new QueueListener({
          queueName: resolveSetting(String(fn.trigger.queueName), this.env).toLowerCase(),
          service: this.queueService(fn.trigger.connection),
          maxDequeueCount: this.settings.maxDequeueCount,
          visibilityTimeoutSeconds: this.settings.visibilityTimeoutSeconds,
          maxPollingIntervalMs: this.settings.maxPollingIntervalMs,
          batchSize: this.settings.queueBatchSize,
          handle: async (input, message) => {
            await this.invoke(fn.name, input, { ...message, queueTrigger: input });
          },
          onError: () => undefined,
        });
        await listener.start();
        this.listeners.push(listener);
      }
    }
  }

  /** Resolves a binding's `connection` like the host: a connection string, or `<name>__queueServiceUri`. */
  queueService(connection = 'AzureWebJobsStorage'): QueueServiceClient {
    const value = this.env[connection];
    if (value) return QueueServiceClient.fromConnectionString(value);
    const uri = this.env[`${connection}__queueServiceUri`];
    if (uri) return new QueueServiceClient(uri);
    throw new Error(`Queue connection ${connection} is not set`);
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    try {
      // The real host answers a malformed escape itself, before any function sees the path.
      if (!decodes(url.pathname)) return send(res, 400, {}, badPathBody(url.pathname));
      const adminMatch = /^\/admin\/functions\/([^/]+)\/?$/i.exec(url.pathname);
      if (adminMatch) return await this.serveAdmin(req, res, decodeURIComponent(adminMatch[1] as string));
      const found = routeRequest(this.routes, req.method ?? 'GET', url.pathname);
      if (found.kind === 'not_found') return send(res, 404, {}, notFoundBody(url.pathname));
      if (found.kind === 'method_not_allowed') {
        return send(res, 405, { Allow: found.allow.join(', ') }, methodBody(url.pathname, req.method ?? ''));
      }
      if (found.fn.trigger.authLevel === 'admin' && !this.holdsMasterKey(req, url)) {
        req.resume();
        return send(res, 401, {}, keyBody(url.pathname));
      }
      if (Number(req.headers['content-length'] ?? 0) > this.settings.maxRequestBytes) {
        req.resume();
        return send(res, 413, {}, Buffer.alloc(0));
      }
      const method = (req.method ?? 'GET').toUpperCase();
      const init = {
        method,
        headers: flattenHeaders(req),
        body: await this.requestBody(req, method),
        duplex: 'half',
      } as RequestInit;
      const request = new HttpRequest({
        nativeRequest: new Request(url, init),
        params: found.params,
      } as never);
      const context = this.context(found.fn, {});
      const result = (await found.fn.handler(request, context)) as
        HttpResponseInit | HttpResponse | undefined;
      const plain = plainAnswer(result);
      const response = plain
        ? undefined
        : result instanceof HttpResponse
          ? result
          : new HttpResponse(result ?? {});
      const headers: Record<string, string> = plain?.headers ?? {};
      response?.headers.forEach((value, key) => (headers[key] = value));
      if (!req.complete) {
        // Answered before the upload was read (a 413, a 415): drop the rest, and the connection with it.
        headers.connection = 'close';
        req.unpipe();
        req.resume();
      }
      if (plain || !response) return send(res, plain?.status ?? 500, headers, plain?.body ?? Buffer.alloc(0));
      // A Content-Length does not mean a small body (an attachment download declares its size): buffering it
      // copied the whole file twice and held it in memory (issue 18's profile).
      if (response.body && !/json/.test(headers['content-type'] ?? '')) {
        res.writeHead(response.status, headers);
        await writeBody(response.body, res);
        return;
      }
      send(res, response.status, headers, Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      this.log(`Request to ${url.pathname} failed: ${(error as Error)?.stack}`);
      if (!res.headersSent) send(res, 500, {}, Buffer.alloc(0));
      else res.destroy();
    }
  }

  /**
   * Bodies stream through, as with the host's HTTP streaming: a large upload is never held whole. A small one
   * of declared length (a JSON write) is read first and handed over whole: the function still reads a stream,
   * without a Node-to-web stream bridge per request (issue 18's profile).
   */
  private async requestBody(req: IncomingMessage, method: string): Promise<ReadableStream | Buffer | null> {
    if (method === 'GET' || method === 'HEAD') return null;
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) <= SMALL_BODY_BYTES) {
      // The parser never delivers more than the declared length.
      return (await readBody(req, SMALL_BODY_BYTES)) ?? Buffer.alloc(0);
    }
    return webStreamOf(limitSize(req, this.settings.maxRequestBytes));
  }

  private holdsMasterKey(req: IncomingMessage, url: URL): boolean {
    const header = req.headers['x-functions-key'];
    return presentsKey(
      this.options.masterKey,
      Array.isArray(header) ? header[0] : header,
      url.searchParams.get('code'),
    );
  }

  private async serveAdmin(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST')
      return send(res, 405, { Allow: 'POST' }, methodBody(req.url ?? '', req.method ?? ''));
    const fn = this.options.functions.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!fn) return send(res, 404, {}, notFoundBody(req.url ?? ''));
    if (fn.trigger.type === 'httpTrigger') {
      return send(
        res,
        400,
        {},
        jsonBuffer({ error: `${fn.name} is an HTTP function: call its route instead` }),
      );
    }
    const raw = (await readBody(req, 1024 * 1024)) ?? Buffer.alloc(0);
    let input: unknown = '';
    try {
      const parsed = raw.length ? (JSON.parse(raw.toString('utf8')) as { input?: unknown }) : {};
      input = parsed.input ?? '';
    } catch {
      return send(res, 400, {}, jsonBuffer({ error: 'Body must be JSON like {"input": ""}' }));
    }
    if (fn.trigger.type === 'timerTrigger') {
      input = {
        isPastDue: false,
        schedule: { adjustForDST: true },
        scheduleStatus: { last: '', next: '', lastUpdated: '' },
      };
    } else if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch {
        // Plain text stays text, as a queue message would.
      }
    }
    send(res, 202, {}, Buffer.alloc(0));
    await this.invoke(fn.name, input).catch(() => undefined);
  }
}

/**
 * Writes a web stream's chunks to the socket as the host's worker does (a loop of writes), waiting for the
 * socket to drain so a slow client does not make the whole file pile up in memory. Readable.fromWeb and a
 * pipeline cost two more hops per chunk (issue 18's profile). A client gone cancels the stream.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const closed = () => {
      res.off('drain', drain);
      reject(new Error('The client closed the connection'));
    };
    const drain = () => {
      res.off('close', closed);
      resolve();
    };
    res.once('close', closed);
    res.once('drain', drain);
  });
}

/** Below this, a body of declared length is read whole before the function runs (see requestBody). */
const SMALL_BODY_BYTES = 64 * 1024;

/** Statuses that carry no body (the fetch spec's null body statuses). */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * A handler's plain answer (JSON or bytes, headers as a record, no cookies) as the host writes it: `jsonBody`
 * serialised with `content-type: application/json` unless set. Anything else goes through HttpResponse.
 */
function plainAnswer(
  result: HttpResponseInit | HttpResponse | undefined,
): { status: number; headers: Record<string, string>; body: Buffer } | undefined {
  if (!result || result instanceof HttpResponse || result.cookies?.length) return undefined;
  const status = result.status ?? 200;
  const given = result.headers;
  if (NULL_BODY_STATUSES.has(status) || (given !== undefined && !isRecord(given))) return undefined;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(given ?? {})) headers[key.toLowerCase()] = String(value);
  if (result.jsonBody !== undefined && result.jsonBody !== null && result.body === undefined) {
    headers['content-type'] ??= 'application/json';
    return { status, headers, body: Buffer.from(JSON.stringify(result.jsonBody)) };
  }
  if (result.jsonBody === undefined && result.body instanceof Uint8Array)
    return {
      status,
      headers,
      body: Buffer.from(result.body.buffer, result.body.byteOffset, result.body.length),
    };
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Passes the body through, failing the stream once it exceeds the limit (the host's 100 MB). */
function limitSize(source: IncomingMessage, limit: number): Readable {
  let size = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limit ? new Error(`Request body larger than ${limit} bytes`) : null, chunk);
    },
  });
  // A client gone mid-body must fail the body the function reads: through pipe alone it never ended, and an
  // upload held its attachment id until the stall watch gave up (10 s of 409s to a retry). Not pipeline:
  // the limit's own error must leave the request open for the answer.
  source.once('error', (error) => limited.destroy(error));
  source.once('aborted', () => limited.destroy(new Error('The client went away mid-body')));
  source.pipe(limited);
  return limited;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const jsonBuffer = (value: unknown) => Buffer.from(JSON.stringify(value));
const notFoundBody = (path: string) =>
  jsonBuffer({ errors: [{ status: 404, resource: path, message: 'No endpoint at this path' }] });
const badPathBody = (path: string) =>
  jsonBuffer({ errors: [{ status: 400, resource: path, message: 'The path holds a malformed %-escape' }] });
const keyBody = (path: string) =>
  jsonBuffer({
    errors: [
      { status: 401, resource: path, message: 'This function needs the master key (x-functions-key)' },
    ],
  });
const decodes = (path: string) => {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
};
const methodBody = (path: string, method: string) =>
  jsonBuffer({ errors: [{ status: 405, resource: path, message: `Method ${method} is not allowed here` }] });

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer) {
  const isJson = body.length > 0 && (body[0] === 0x7b || body[0] === 0x5b) && !headers['content-type'];
  res.writeHead(status, {
    ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...headers,
    'content-length': String(body.length),
  });
  res.end(body);
}
