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

/** Append-only audit trail, partitioned by country and record. Nothing in the API edits or deletes it. */
export class AuditLog {
  constructor(
    private readonly container: Container,
    private readonly clock: Clock,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.container.items.create({
      id: randomUUID(),
      type: 'audit_entry',
      ...entry,
      record_id: entry.record_id ?? '-',
      at: this.clock.now().toISOString(),
    });
  }
}
