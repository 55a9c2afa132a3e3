import { approvalTypes } from '../approvals/approvals';

const recordActions = ['read', 'create', 'write', 'enable_disable_record', 'flag', 'manage'];
const adminActions = ['read', 'manage'];

/**
 * Every permission a role can grant: what GET /permissions lists and role writes are checked against. Only
 * actions some endpoint checks: a permission nothing honours would promise an admin what no one enforces
 * (no `export` until an export exists).
 */
export const permissionCatalog: Readonly<Record<string, readonly string[]>> = {
  cases: [
    ...recordActions,
    'assign',
    'assign_within_agency',
    'assign_within_user_group',
    'referral',
    'transfer',
    'request_transfer',
    'consent_override',
    ...approvalTypes.flatMap((type) => [`request_approval_${type}`, `approve_${type}`]),
  ],
  incidents: recordActions,
  tracing_requests: recordActions,
  users: adminActions,
  roles: adminActions,
  user_groups: adminActions,
  agencies: adminActions,
  metadata: adminActions,
  audit_logs: adminActions,
  reminders: adminActions,
  keys: ['rotate', 'manage'],
};
