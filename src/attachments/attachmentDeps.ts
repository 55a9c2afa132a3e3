import type { AuditLog } from '../audit/auditLog';
import type { RecordDeps } from '../records/recordDeps';
import type { DataKeys } from '../crypto/dataKeys';
import type { AttachmentStore } from './attachmentStore';

export interface AttachmentDeps {
  records: RecordDeps;
  dataKeys: DataKeys;
  store: AttachmentStore;
  audit: AuditLog;
}
