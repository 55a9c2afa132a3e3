import { caseKind } from '../cases/caseKind';
import { incidentKind } from '../incidents/incidentKind';
import { tracingRequestKind } from '../tracingRequests/tracingRequestKind';
import type { RecordKind, RecordType } from './recordKind';

export const recordKinds: Readonly<Record<RecordType, RecordKind>> = {
  case: caseKind,
  incident: incidentKind,
  tracing_request: tracingRequestKind,
};

export const allKinds: readonly RecordKind[] = Object.values(recordKinds);

export function kindOf(type: string): RecordKind {
  const kind = recordKinds[type as RecordType];
  if (!kind) throw new Error(`Unknown record type ${type}`);
  return kind;
}
