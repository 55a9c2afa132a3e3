import { gzipSync } from 'node:zlib';
import type { App } from '../app';
import { authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { IntegrityError } from '../crypto/fieldCipher';
import { AppError } from '../errors';
import type { AuditDocument } from '../audit/auditLog';
import { isAuditableId } from '../audit/auditableId';
import { RequestTrail } from '../audit/requestTrail';
import { isDependencyFault, RETRY_AFTER_SECONDS } from '../platform/dependencyFaults';
import { inRequestSpan, recordFailure } from '../telemetry/requestSpan';
import { answerLocale } from './messageLocale';
import { errorResponse } from './responses';
import type { ApiRequest, ApiResponse } from './types';

/** On every response: records must not be cached, sniffed, framed or leak through referrers. */
const securityHeaders = {
  'Cache-Control': 'no-store',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export type Endpoint = (request: ApiRequest, app: App) => Promise<ApiResponse>;
export type AuthedHandler = (request: ApiRequest, principal: Principal, app: App) => Promise<ApiResponse>;

/**
 * The chain every endpoint runs in: errors become the API's error envelope (a user fault with its status,
 * anything else a bare 500 with a reference), every response gets X-Request-Id and no-store, and one log
 * line per request records what happened without any request data.
 */
export function publicEndpoint(handler: Endpoint): Endpoint {
  return (request, app) =>
    inRequestSpan(
      {
        method: request.method,
        path: request.url.pathname,
        headers: request.headers,
        traceParent: request.traceParent,
      },
      () => runEndpoint(handler, request, app),
    );
}

async function runEndpoint(handler: Endpoint, request: ApiRequest, app: App): Promise<ApiResponse> {
  const started = Date.now();
  let response: ApiResponse;
  try {
    response = await handler(request, app);
  } catch (error) {
    response = toErrorResponse(error, request, app);
  }
  app.logger.info(
    {
      request_id: request.requestId,
      method: request.method,
      path: request.url.pathname,
      status: response.status,
      ms: Date.now() - started,
      user: request.actor?.user,
      country: request.actor?.country,
    },
    'request',
  );
  const encoded = encodeJson(request, response);
  return {
    ...encoded,
    headers: { ...securityHeaders, ...encoded.headers, 'X-Request-Id': request.requestId },
  };
}

/** What a request does, for the audit log: every such request leaves an entry, and so does a refusal. */
export interface AuditSpec {
  action: string;
  record_type?: string;
  /**
   * Write the entry while the handler runs (reads: one round trip instead of two in a row). The answer still
   * waits for it; if the handler then refuses (403/404), the request's own entry is corrected to `denied`
   * before answering. A read that fails otherwise stays recorded as a read attempt.
   */
  concurrent?: boolean;
}

export function authedEndpoint(
  handler: AuthedHandler,
  options: { allowEnrolmentScope?: boolean; audit?: AuditSpec } = {},
): Endpoint {
  return publicEndpoint(async (request, app) => {
    const principal = await authenticate(
      app,
      request.headers.get('authorization'),
      request.headers.get('x-country-code'),
      options.allowEnrolmentScope,
    );
    request.actor = { user: principal.user.user_name, country: principal.countryCode };
    request.userLocale = principal.user.locale;
    const audit = options.audit;
    if (!audit) return handler(request, principal, app);
    const document = (action: string, recordId?: string, details?: Record<string, string>) => {
      const malformed = recordId !== undefined && !isAuditableId(audit.record_type, recordId);
      const said = action === 'denied' ? { attempted: audit.action } : details;
      const noted = malformed ? { ...said, malformed_id: 'true' } : said;
      return app.audit.document({
        action,
        user_name: principal.user.user_name,
        country_code: principal.countryCode,
        ...(audit.record_type ? { record_type: audit.record_type } : {}),
        ...(recordId && !malformed ? { record_id: recordId } : {}),
        ...(noted ? { details: noted } : {}),
        request_id: request.requestId,
      });
    };
    if (audit.concurrent)
      return auditedWhileHandling(
        handler,
        request,
        principal,
        app,
        document(audit.action, request.params.id),
        () => document('denied', request.params.id),
      );
    const trail = new RequestTrail(principal.countryCode, request.params.id, (id) =>
      document(audit.action, id),
    );
    request.trail = trail;
    let response: ApiResponse;
    try {
      response = await handler(request, principal, app);
    } catch (error) {
      // A refused action is part of the trail (a 404 here may be a probe of a record outside the scope).
      if (isRefusal(error)) await app.audit.write(document('denied', request.params.id));
      throw error;
    }
    // Written before answering: if the trail cannot be written, the request fails rather than go unrecorded.
    // A write that took the entry into its history batch (RecordHistory) has written it already.
    if (!trail.claimed) {
      const created = (response.json as { data?: { id?: unknown } } | undefined)?.data?.id;
      await app.audit.write(
        document(
          audit.action,
          request.params.id ?? (typeof created === 'string' ? created : undefined),
          response.auditDetails,
        ),
      );
    }
    return response;
  });
}

const isRefusal = (error: unknown) =>
  error instanceof AppError && (error.status === 403 || error.status === 404);

/** AuditSpec.concurrent: the entry is written alongside the handler, and the answer waits for both. */
async function auditedWhileHandling(
  handler: AuthedHandler,
  request: ApiRequest,
  principal: Principal,
  app: App,
  entry: AuditDocument,
  denied: () => AuditDocument,
): Promise<ApiResponse> {
  const written = app.audit.write(entry);
  let response: ApiResponse;
  try {
    response = await handler(request, principal, app);
  } catch (error) {
    await written.catch(() => undefined);
    if (isRefusal(error)) await app.audit.correct({ ...denied(), id: entry.id });
    throw error;
  }
  await written;
  return response;
}

/**
 * A smaller answer fits in one TCP segment (1,500-byte MTU less headers): compressing it saves no round trip,
 * only costs the server and the client time (a case is about 1.2 KB).
 */
const COMPRESS_FROM_BYTES = 1400;

/**
 * JSON answers are serialised once, here (the host would otherwise serialise `json` again after this measured
 * it): large ones gzip-compressed for clients that accept it (phones on poor networks).
 */
function encodeJson(request: ApiRequest, response: ApiResponse): ApiResponse {
  if (response.json === undefined) return response;
  const text = JSON.stringify(response.json);
  const headers = { ...response.headers, 'Content-Type': 'application/json; charset=utf-8' };
  if (text.length < COMPRESS_FROM_BYTES || !/\bgzip\b/.test(request.headers.get('accept-encoding') ?? ''))
    return { status: response.status, headers, bytes: Buffer.from(text) };
  return {
    status: response.status,
    headers: { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' },
    bytes: gzipSync(text),
  };
}

const codeOf = (error: unknown) => String((error as { code?: unknown })?.code ?? '');

function toErrorResponse(error: unknown, request: ApiRequest, app: App): ApiResponse {
  const resource = request.url.pathname;
  if (error instanceof AppError)
    return errorResponse(error.status, resource, error.entries, error.headers, answerLocale(request));
  if (isDependencyFault(error)) {
    // Slow, throttled or away: nothing the client did wrong, and the same request may simply be sent again.
    app.logger.warn(
      {
        request_id: request.requestId,
        path: resource,
        err: { type: (error as Error)?.name, code: codeOf(error) },
      },
      'dependency unavailable',
    );
    return errorResponse(
      503,
      resource,
      [
        {
          message: `A service the platform depends on is not answering; try again shortly (reference ${request.requestId})`,
        },
      ],
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  if (error instanceof IntegrityError) {
    // Tampering, or a value moved between records: refuse to serve it, and make it visible to operators.
    app.logger.error(
      { request_id: request.requestId, path: resource, field: error.field },
      'integrity check failed',
    );
    return errorResponse(500, resource, [
      { message: `The record failed an integrity check; reference ${request.requestId}` },
    ]);
  }
  // A system fault: log its kind and stack, which carry no request data, and tell the client only a reference.
  recordFailure(error);
  app.logger.error(
    { request_id: request.requestId, err: { type: (error as Error)?.name, stack: (error as Error)?.stack } },
    'unhandled error',
  );
  return errorResponse(500, resource, [{ message: `Internal error; reference ${request.requestId}` }]);
}
