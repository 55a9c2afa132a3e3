import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createLogger } from '../../src/logger';
import { startTestApp, type TestApp } from '../support/testApp';

// The OpenTelemetry SDK as the Azure Monitor distro sets it up in Azure (W3C propagation, async context),
// with an in-memory exporter in place of Application Insights.
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  provider.register();
  t = await startTestApp({}, { logger: createLogger('info', { write: (l: string) => void lines.push(l) }) });
});
afterAll(async () => {
  await t.close();
  await provider.shutdown();
});
beforeEach(() => {
  exporter.reset();
  lines.length = 0;
});

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
const requestSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('request telemetry', () => {
  it('a handled 500 is a failed request with its exception, in the caller trace, and its log lines say so', async () => {
    const token = await t.login('cw_gh');
    exporter.reset();
    lines.length = 0;
    // Every trail entry, whoever takes it (pipeline or history batch), goes through write.
    const original = t.app.audit.write.bind(t.app.audit);
    t.app.audit.write = async () => {
      throw new Error('audit store down');
    };
    try {
      const res = await t.call('GET', '/api/v2/cases?query=Zainab', { token, headers: { traceparent } });
      expect(res.status).toBe(500);
    } finally {
      t.app.audit.write = original;
    }
    const [span] = requestSpans();
    expect(requestSpans()).toHaveLength(1);
    expect(span?.spanContext().traceId).toBe(traceId); // the operation id the caller sent
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['http.response.status_code']).toBe(500);
    expect(span?.attributes['url.path']).toBe('/api/v2/cases');
    expect(JSON.stringify(span?.attributes)).not.toContain('Zainab'); // no query string
    expect(span?.events.map((e) => e.name)).toEqual(['exception']);
    expect(span?.events[0]?.attributes?.['exception.type']).toBe('Error');

    const error = logged().find((l) => l.msg === 'unhandled error');
    const request = logged().find((l) => l.msg === 'request');
    expect(error).toMatchObject({ trace_id: traceId, span_id: span?.spanContext().spanId });
    expect(request).toMatchObject({ trace_id: traceId, status: 500 });
  });

  it('a refused request (4xx) is recorded with its code but not as failed', async () => {
    const res = await t.call('GET', '/api/v2/cases', { headers: { traceparent } });
    expect(res.status).toBe(401);
    const [span] = requestSpans();
    expect(span?.attributes['http.response.status_code']).toBe(401);
    expect(span?.status.code).toBe(SpanStatusCode.OK);
  });

  it('without a traceparent the request starts a trace of its own', async () => {
    await t.call('GET', '/api/v2/cases');
    const [span] = requestSpans();
    expect(span?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(span?.spanContext().traceId).not.toBe(traceId);
    expect(span?.parentSpanContext).toBeUndefined();
  });
});
