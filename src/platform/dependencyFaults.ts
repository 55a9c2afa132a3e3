/** How long a client should wait before sending a request refused for a dependency fault. */
export const RETRY_AFTER_SECONDS = 5;

const codeOf = (error: unknown) => (error as { code?: unknown })?.code;
const nameOf = (error: unknown) => (error as { name?: unknown })?.name;
const statusOf = (error: unknown) => (error as { statusCode?: unknown })?.statusCode;

/** Network failures of a call that never got an answer (refused, reset, timed out, aborted by our bound). */
const NETWORK_CODES = new Set([
  'TimeoutError',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
  'REQUEST_ABORTED_ERROR',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Whether an error is a dependency (Cosmos, Blob, Queue, Key Vault) being slow, throttled or away rather
 * than a bug: a timeout, a refused connection, Cosmos 429 after the SDK's own retries, or a 503 from the
 * service. The request may then be sent again: the answer is 503 with Retry-After.
 */
export function isDependencyFault(error: unknown): boolean {
  if (isUnansweredBatch(error)) return true;
  const code = codeOf(error);
  if (code === 429 || code === 503 || code === 408) return true;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (nameOf(error) === 'AbortError' || nameOf(error) === 'TimeoutError') return true;
  const status = statusOf(error);
  return status === 429 || status === 503 || status === 408;
}

/**
 * The Cosmos SDK rethrows a batch or bulk request that got no answer as a plain Error that names the cause
 * only in its message (its code is lost): a timeout or a lost connection is still the database being away.
 */
function isUnansweredBatch(error: unknown): boolean {
  const message = String((error as { message?: unknown })?.message ?? '');
  return (
    /^(Batch request error|Bulk request errored with):/.test(message) &&
    /timeout|ECONN|ETIMEDOUT|EPIPE|socket|abort/i.test(message)
  );
}
