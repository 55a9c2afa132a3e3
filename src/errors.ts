/**
 * Errors the app raises on purpose. `expose` errors are user faults: their message goes to the client and
 * may mention a field name, never a field value. Anything else reaching the HTTP chain is a system fault:
 * logged (without request data) and answered with a bare 500.
 */
export interface ErrorEntry {
  detail?: string;
  message: string;
}

/** One entry of the error envelope as it leaves the server (docs/api.md). */
export interface EnvelopeEntry {
  status: number;
  resource: string;
  detail?: string;
  message: string;
}

export const envelopeEntries = (status: number, resource: string, entries: ErrorEntry[]): EnvelopeEntry[] =>
  entries.map((e) => ({ status, resource, ...(e.detail ? { detail: e.detail } : {}), message: e.message }));

export class AppError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
    readonly entries: ErrorEntry[] = [{ detail, message }],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, detail?: string) => new AppError(400, message, detail);
export const unauthorized = (message = 'Authentication required') => new AppError(401, message);
export const forbidden = (message = 'Not permitted') => new AppError(403, message);
export const notFound = (message = 'Not found') => new AppError(404, message);
export const conflict = (message: string, detail?: string) => new AppError(409, message, detail);
export const preconditionFailed = () =>
  new AppError(
    412,
    'The record was changed since you read it: fetch it again and reapply your change',
    'If-Match',
  );
export const payloadTooLarge = (limit: number) =>
  new AppError(413, `Body larger than ${limit} bytes`, 'body');
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many attempts; try again later') =>
  new AppError(429, message, undefined, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
/** A dependency is slow, throttled or away: nothing was written, and the same request may be sent again. */
export const serviceUnavailable = (
  retryAfterSeconds: number,
  message = 'The service is busy; try again shortly',
) => new AppError(503, message, undefined, undefined, { 'Retry-After': String(retryAfterSeconds) });
export const unprocessable = (entries: ErrorEntry[]) =>
  new AppError(422, entries[0]?.message ?? 'Invalid', entries[0]?.detail, entries);

/** A configuration problem: names the setting, never prints its value (it may be a secret). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
