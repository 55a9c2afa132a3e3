import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Clock } from '../clock';

export interface AuditEntry {
  action: string;
  user_name: string;
  country_code: string;
  record_type?: string;
  record_id?: string;
  /** Ids only: never field values. */
  details?: Record<string, string>;
  request_id?: string;
}

/** An entry as stored: its partition is (country_code, record_id). */
export interface AuditDocument extends AuditEntry {
  id: string;
  type: 'audit_entry';
  record_id: string;
  at: string;
}

/** Append-only audit trail, partitioned by country and record. Nothing in the API edits or deletes it. */
export class AuditLog {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  /** The document an entry is stored as, for writers that put it in a transactional batch (RecordHistory). */
  document(entry: AuditEntry): AuditDocument {
    return {
      id: randomUUID(),
      type: 'audit_entry',
      ...entry,
      record_id: entry.record_id ?? '-',
      at: this.clock.now().toISOString(),
    };
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.write(this.document(entry));
  }

  async write(doc: AuditDocument): Promise<void> {
    await this.container.items.create(doc);
  }

  /**
   * Corrects the entry a request wrote while it was still running (a read audited concurrently with the
   * read, then refused): only before that request answers, so no answered request's entry ever changes.
   */
  async correct(doc: AuditDocument): Promise<void> {
    await this.container.items.upsert(doc);
  }
}
