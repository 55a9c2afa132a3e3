import type { AuditLog } from '../audit/auditLog';
import type { CaseDeps } from '../cases/caseDeps';
import type { DataKeys } from '../crypto/dataKeys';
import type { AttachmentStore } from './attachmentStore';

export interface AttachmentDeps {
  caseDeps: CaseDeps;
  dataKeys: DataKeys;
  store: AttachmentStore;
  audit: AuditLog;
}
