import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { HostSettings } from './LocalHost';

const timeSpanSeconds = (value: unknown): number | undefined => {
  const m = typeof value === 'string' ? /^(\d+):(\d{2}):(\d{2})$/.exec(value) : null;
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3]) : undefined;
};

/** The settings of host.json the local host honours. */
export function readHostSettings(root: string): Partial<HostSettings> {
  const host = JSON.parse(readFileSync(join(root, 'host.json'), 'utf8')) as {
    extensions?: {
      http?: { routePrefix?: string };
      queues?: {
        maxDequeueCount?: number;
        visibilityTimeout?: string;
        maxPollingInterval?: string;
        batchSize?: number;
      };
    };
  };
  const queues = host.extensions?.queues ?? {};
  const polling = timeSpanSeconds(queues.maxPollingInterval);
  return {
    routePrefix: host.extensions?.http?.routePrefix ?? 'api',
    ...(queues.maxDequeueCount ? { maxDequeueCount: queues.maxDequeueCount } : {}),
    ...(timeSpanSeconds(queues.visibilityTimeout) !== undefined
      ? { visibilityTimeoutSeconds: timeSpanSeconds(queues.visibilityTimeout) }
      : {}),
    ...(polling !== undefined ? { maxPollingIntervalMs: polling * 1000 } : {}),
    ...(queues.batchSize ? { queueBatchSize: queues.batchSize } : {}),
  };
}

/** The entry files package.json `main` names (a file or a `dir/*.js` glob), as the worker loads them. */
export function functionEntryFiles(root: string): string[] {
  const { main } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
  if (!main.includes('*')) return [resolve(root, main)];
  const dir = resolve(root, dirname(main));
  const pattern = new RegExp(
    `^${main
      .split('/')
      .pop()
      ?.replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => join(dir, f));
}
