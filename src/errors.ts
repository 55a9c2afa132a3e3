import { IntegrityError } from './crypto/fieldCipher';
import { msg, type Message } from './messages/catalogue';

/**
 * Errors the app raises on purpose. `expose` errors are user faults: their message goes to the client and
 * may mention a field name, never a field value. Anything else reaching the HTTP chain is a system fault:
 * logged (without request data) and answered with a bare 500. A message of the catalogue carries its key
 * and arguments beside the English text, so that the answer is put in the caller's language as it leaves.
 */
export interface ErrorEntry extends Message {
  detail?: string;
}

/** One entry of the error envelope as it leaves the server (docs/api.md). */
export interface EnvelopeEntry {
  status: number;
  resource: string;
  detail?: string;
  message: string;
}

/** An entry as the envelope shows it: its text, without the key it was localized by. */
export const envelopeEntries = (status: number, resource: string, entries: ErrorEntry[]): EnvelopeEntry[] =>
  entries.map((e) => ({ status, resource, ...(e.detail ? { detail: e.detail } : {}), message: e.message }));

/** A message as an error takes it: a catalogue message (msg()), or plain English for operators and tools. */
type Text = string | Message;
const asMessage = (text: Text): Message => (typeof text === 'string' ? { message: text } : text);

export class AppError extends Error {
  readonly expose = true;
  readonly entries: ErrorEntry[];
  constructor(
    readonly status: number,
    text: Text,
    readonly detail?: string,
    entries?: ErrorEntry[],
    readonly headers: Record<string, string> = {},
  ) {
    super(asMessage(text).message);
    this.name = 'AppError';
    this.entries = entries ?? [{ detail, ...asMessage(text) }];
  }
}

export const badRequest = (text: Text, detail?: string) => new AppError(400, text, detail);
export const unauthorized = (text: Text = 'Authentication required') => new AppError(401, text);
export const forbidden = (text: Text = msg('not_permitted')) => new AppError(403, text);
export const notFound = (text: Text = msg('not_found')) => new AppError(404, text);
export const conflict = (text: Text, detail?: string) => new AppError(409, text, detail);
export const preconditionFailed = () => new AppError(412, msg('changed_since_read'), 'If-Match');
export const payloadTooLarge = (limit: number) =>
  new AppError(413, msg('body_too_large', { max: limit }), 'body');
export const tooManyRequests = (retryAfterSeconds: number, text: Text = msg('too_many_attempts')) =>
  new AppError(429, text, undefined, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
/** A dependency is slow, throttled or away: nothing was written, and the same request may be sent again. */
export const serviceUnavailable = (
  retryAfterSeconds: number,
  text: Text = 'The service is busy; try again shortly',
) => new AppError(503, text, undefined, undefined, { 'Retry-After': String(retryAfterSeconds) });
export const unprocessable = (entries: ErrorEntry[]) =>
  new AppError(422, entries[0]?.message ?? 'Invalid', entries[0]?.detail, entries);

/**
 * What one item of a batch (a case of a bulk action, a mutation of a sync push) is told when it fails: a
 * refusal, or a record that fails its integrity check — that one item fails, the others go on. Anything else
 * is a system fault, for the caller to let stop the batch (undefined).
 */
export function refusalOf(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof IntegrityError) return new AppError(500, msg('record_integrity'));
  return undefined;
}

/** A configuration problem: names the setting, never prints its value (it may be a secret). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
