import type { HistoryTrail } from '../history/recordHistory';
import type { AuditDocument } from './auditLog';

/**
 * The audit entry of one request, written exactly once: in the transactional batch of the history entry of
 * the write it names (RecordHistory), or by the pipeline after the handler when no such write took it.
 */
export class RequestTrail implements HistoryTrail {
  private taken = false;

  constructor(
    private readonly countryCode: string,
    /** The record the request names in its path; undefined for a create (its id is made by the write). */
    private readonly recordId: string | undefined,
    private readonly entryFor: (recordId: string) => AuditDocument,
  ) {}

  claim(countryCode: string, recordId: string, action: 'create' | 'update'): AuditDocument | undefined {
    if (this.taken || countryCode !== this.countryCode) return undefined;
    // Without an id in the path, the request is a create: its entry names the record it creates.
    if (this.recordId === undefined ? action !== 'create' : recordId !== this.recordId) return undefined;
    this.taken = true;
    return this.entryFor(recordId);
  }

  /** True once a write took the entry: the pipeline must not write it again. */
  get claimed(): boolean {
    return this.taken;
  }
}
