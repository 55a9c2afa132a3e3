import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';

// Through the OpenTelemetry API only: without a registered SDK (local runs, tests that do not look) every
// call is a no-op; in Azure the Azure Monitor distro (startTelemetry) exports the spans as requests.
const tracer = trace.getTracer('primero-serverless');

const headerGetter: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

export interface RequestInfo {
  method: string;
  path: string;
  headers: Headers;
  /** The Functions host's own trace context, when it gives one: its request span becomes our parent. */
  traceParent?: string;
}

/**
 * Runs one HTTP request inside a server span, the Application Insights request record: the caller's W3C
 * `traceparent` is honoured (its trace id is the operation id), the real status code is recorded, and a
 * 5xx marks the request failed even when the code handled the error. Only method and path are recorded:
 * no query string, body or header values (they can carry names and case details).
 */
export async function inRequestSpan<T extends { status: number }>(
  request: RequestInfo,
  run: () => Promise<T>,
): Promise<T> {
  // Only the W3C trace headers reach the propagator: nothing else of the request is handed on.
  const carrier = new Headers();
  const traceParent = request.headers.get('traceparent') ?? request.traceParent;
  if (traceParent) carrier.set('traceparent', traceParent);
  const traceState = request.headers.get('tracestate');
  if (traceState) carrier.set('tracestate', traceState);
  const parent = propagation.extract(context.active(), carrier, headerGetter);
  const span = tracer.startSpan(
    `${request.method} ${request.path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'url.path': request.path, 'url.scheme': 'https' },
    },
    parent,
  );
  try {
    const response = await context.with(trace.setSpan(parent, span), run);
    span.setAttribute('http.response.status_code', response.status);
    // Explicit either way: left unset, Application Insights would count every 4xx (a refused login, a 422)
    // as a failed request, and the 5xx alert would drown in them.
    span.setStatus({ code: response.status >= 500 ? SpanStatusCode.ERROR : SpanStatusCode.OK });
    return response;
  } catch (error) {
    recordFailure(error, span);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Records a system fault on the current request (an Application Insights exception): its kind and stack,
 * which carry no request data (the same as the log line), never the message of a user fault.
 */
export function recordFailure(error: unknown, span: Span | undefined = trace.getActiveSpan()): void {
  if (!span) return;
  const e = error instanceof Error ? error : new Error(String(error));
  span.recordException({ name: e.name, message: e.name, stack: e.stack });
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The ids that tie a log line to its request in Application Insights (operation id = trace id). */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && trace.isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
