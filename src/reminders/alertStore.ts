import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { RecordType } from '../records/recordKind';
import { recordDocuments } from '../platform/cosmos';

export interface Alert {
  id: string;
  unique_id: string;
  type: 'alert';
  country_code: string;
  record_id: string;
  record_type: RecordType;
  alert_for: string;
  /** Primero's alert `type` names the form the alert is about. */
  form_unique_id: string;
  date: string;
  user_name: string;
  created_at: string;
}

/** The same record, reminder and due time always give the same alert id: re-runs cannot duplicate. */
export const alertId = (recordId: string, reminderId: string) =>
  createHash('sha256').update(`${recordId}|${reminderId}`).digest('hex').slice(0, 32);

/** Alerts in the `alerts` container, partitioned with their record. */
export class AlertStore {
  constructor(private readonly container: Container) {}

  /** False when the alert exists already. */
  async create(alert: Alert): Promise<boolean> {
    try {
      await this.container.items.create(alert);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 409) return false;
      throw error;
    }
  }

  forRecord(countryCode: string, recordId: string): Promise<Alert[]> {
    return recordDocuments(this.container, 'alert', countryCode, recordId, 'c.created_at ASC');
  }

  async delete(countryCode: string, recordId: string, id: string): Promise<boolean> {
    try {
      await this.container.item(id, [countryCode, recordId]).delete();
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return false;
      throw error;
    }
  }
}
