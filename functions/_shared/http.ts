import { Readable } from 'node:stream';
import { app, type HttpHandler, type HttpRequest, type InvocationContext } from '@azure/functions';
import { authedEndpoint, type AuthedHandler, type Endpoint } from '../../src/http/pipeline';
import { webStreamOf } from '../../src/http/webStream';
import { defaultCredential } from '../../src/platform/defaultCredential';
import { getApp } from '../../src/runtime';
import { startTelemetry } from '../../src/telemetry/startTelemetry';

// Request and response bodies stream (attachments up to 20 MB are never held whole in memory).
app.setup({ enableHttpStream: true });

// Before the app: the distro instruments the HTTP and Azure SDK clients as they are created.
startTelemetry(process.env, defaultCredential);

// Built (and the settings validated) when the first function module loads: a bad setting stops the worker.
getApp();

/** Adapts an endpoint of src/ to an Azure Functions HTTP handler. */
export function http(endpoint: Endpoint): HttpHandler {
  return async (request: HttpRequest, context: InvocationContext) => {
    const response = await endpoint(
      {
        method: request.method,
        // The full URL, not request.query: the host's query map keeps one value per name (id[]=a&id[]=b).
        url: new URL(request.url),
        headers: request.headers,
        params: request.params,
        requestId: context.invocationId,
        traceParent: context.traceContext?.traceParent ?? undefined,
        body: async () => Buffer.from(await request.arrayBuffer()),
        stream: () => (request.body ? Readable.fromWeb(request.body as never) : Readable.from([])),
      },
      getApp(),
    );
    if (response.bytes) return { status: response.status, headers: response.headers, body: response.bytes };
    // A web stream of our own: given the Node stream, the Response constructor copies every chunk.
    if (response.stream)
      return { status: response.status, headers: response.headers, body: webStreamOf(response.stream) };
    return { status: response.status, headers: response.headers, jsonBody: response.json };
  };
}

/** Registers an authenticated HTTP function: one method on one route (anonymous at the Functions level). */
export function authedRoute(
  name: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  route: string,
  handler: AuthedHandler,
  options?: Parameters<typeof authedEndpoint>[1],
) {
  app.http(name, {
    route,
    methods: [method],
    authLevel: 'anonymous',
    handler: http(authedEndpoint(handler, options)),
  });
}
