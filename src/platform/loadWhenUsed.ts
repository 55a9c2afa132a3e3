/**
 * `require` at the point of use, for SDKs most instances never touch (Key Vault locally, the queue client on
 * HTTP-only hosts, e-mail, Entra's credential chain): every function module loads in one worker at a cold
 * start, so a top-level import of them is paid by every request that waits for a new instance. Type it with
 * `typeof import('<id>')`.
 */
export function loadWhenUsed<T>(id: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(id) as T;
}
