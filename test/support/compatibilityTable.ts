import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './testApp';

/** A row of docs/primero-compatibility.md. */
export interface CompatibilityRow {
  method: string;
  path: string;
  verdict: 'same' | 'deliberately different' | 'not yet';
  notes: string;
}
const ROW =
  /^\|\s*(GET|POST|PATCH|PUT|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*[*_](same|deliberately different|not yet)[*_]\s*\|([^|]*)\|/;

export function compatibilityRows(): CompatibilityRow[] {
  const text = readFileSync(join(ROOT, 'docs', 'primero-compatibility.md'), 'utf8');
  return text.split('\n').flatMap((line) => {
    const m = ROW.exec(line);
    return m
      ? [{ method: m[1], path: m[2], verdict: m[3], notes: (m[4] ?? '').trim() } as CompatibilityRow]
      : [];
  });
}

const recordTypes = ['cases', 'incidents', 'tracing_requests'];
/** `{record_type}` in the table (and `:recordType` in Primero's paths) stands for each record type. */
export const expandRecordTypes = (path: string) => {
  const generic = path.replace(/:recordType|:record_type/, '{record_type}');
  return generic.includes('{record_type}')
    ? recordTypes.map((r) => generic.replace('{record_type}', r))
    : [generic];
};
/** A route without its prefix and parameter names: `v2/cases/{id}` and `/api/v2/cases/:id` both give `cases/{}`. */
export const routeShape = (path: string) =>
  path.replace(/^\/?(api\/)?(v2\/)?/, '').replace(/\{[^}]+\}|:\w+/g, '{}');
/** `METHOD shape` for each record type the path stands for. */
export const routeKeys = (method: string, path: string) =>
  expandRecordTypes(path).map((p) => `${method.toUpperCase()} ${routeShape(p)}`);

/** The row of the table for a route of Primero's (with `:params`), if any. */
export function rowFor(method: string, path: string): CompatibilityRow | undefined {
  const [key] = routeKeys(method, path);
  return compatibilityRows().find((r) => routeKeys(r.method, r.path).includes(key as string));
}
