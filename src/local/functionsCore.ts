/**
 * Our stand-in for `@azure/functions-core`, the module the Azure Functions Node.js worker gives to
 * `@azure/functions`. When it resolves, `app.http(...)`, `app.timer(...)` and `app.storageQueue(...)` call
 * `registerFunction(metadata, handler)` with the same metadata the real worker receives; we keep them so
 * the local host can route to and schedule the real registrations. Without it the library silently turns
 * every registration into a no-op ("test mode").
 */
export interface BindingInfo {
  type: string;
  direction: 'in' | 'out';
  name?: string;
  route?: string;
  methods?: string[];
  authLevel?: string;
  schedule?: string;
  runOnStartup?: boolean;
  queueName?: string;
  connection?: string;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  bindings: Record<string, BindingInfo>;
}

export type FunctionHandler = (input: unknown, context: unknown) => unknown;

export interface RegisteredFunction {
  name: string;
  bindings: Record<string, BindingInfo>;
  trigger: BindingInfo;
  handler: FunctionHandler;
}

export const registeredFunctions: RegisteredFunction[] = [];

export function registerFunction(metadata: FunctionMetadata, handler: FunctionHandler) {
  const trigger = Object.values(metadata.bindings).find(
    (b) => b.direction === 'in' && /Trigger$/.test(b.type),
  );
  if (!trigger) throw new Error(`Function ${metadata.name} has no trigger binding`);
  if (registeredFunctions.some((f) => f.name.toLowerCase() === metadata.name.toLowerCase())) {
    throw new Error(`A function named ${metadata.name} is already registered`);
  }
  const fn: RegisteredFunction = { name: metadata.name, bindings: metadata.bindings, trigger, handler };
  registeredFunctions.push(fn);
  return { dispose: () => registeredFunctions.splice(registeredFunctions.indexOf(fn), 1) };
}

let programmingModel: unknown;
export const setProgrammingModel = (model: unknown) => {
  programmingModel = model;
};
export const getProgrammingModel = () => programmingModel;

// Lifecycle hooks (appStart, preInvocation, ...) are accepted; the local host does not run them.
export const registerHook = () => ({ dispose: () => undefined });

export const log = (level: string, category: string, message: string) => {
  if (level === 'error' || level === 'critical' || level === 'warning')
    console.error(`[${category}] ${message}`);
};

export const capabilities = {};
