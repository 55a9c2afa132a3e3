import type { Readable } from 'node:stream';
import type { HistoryTrail } from '../history/recordHistory';

/** What src/ sees of an HTTP request: no Azure Functions types past functions/. */
export interface ApiRequest {
  method: string;
  url: URL;
  headers: Headers;
  params: Record<string, string>;
  requestId: string;
  /** The Functions host's W3C trace context of this invocation, for telemetry correlation. */
  traceParent?: string;
  /** Who made the request, once authenticated: for the request log line. */
  actor?: { user: string; country: string };
  /** The caller's stored locale, once authenticated: the language of messages when Accept-Language names none we have. */
  userLocale?: string;
  /** The request's audit entry, for the write it names to store with its history (audited endpoints). */
  trail?: HistoryTrail;
  /** The raw body; read lazily so that size limits apply before parsing. */
  body(): Promise<Buffer>;
  /** The body as a stream, for uploads that must not be held whole. */
  stream(): Readable;
}

export interface ApiResponse {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** A body already encoded (compressed JSON), instead of json. */
  bytes?: Buffer;
  /** A streamed body (downloads), instead of json. */
  stream?: Readable;
  /** What the audit entry of this request should add (which fields an admin changed): never sent. */
  auditDetails?: Record<string, string>;
}
