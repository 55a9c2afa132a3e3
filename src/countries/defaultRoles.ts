import type { Permission, Role } from '../users/types';

/** The roles every new country starts with (admins adapt them later). */
const caseworkerActions = [
  'read',
  'create',
  'write',
  'enable_disable_record',
  'flag',
  'request_approval_case_plan',
  'request_approval_closure',
  'referral',
  'assign',
];
const supervisorActions = [
  ...caseworkerActions,
  'approve_assessment',
  'approve_case_plan',
  'approve_closure',
  'transfer',
  'export',
  'consent_override',
];
const cases = (actions: string[]): Permission[] => [{ resource: 'cases', actions }];

export const defaultRoles: Omit<Role, 'id' | 'type' | 'country_code'>[] = [
  {
    unique_id: 'role-cp-caseworker',
    name: 'CP Caseworker',
    group_permission: 'self',
    permissions: cases(caseworkerActions),
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-cp-supervisor',
    name: 'CP Supervisor',
    group_permission: 'group',
    permissions: cases(supervisorActions),
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-gbv-caseworker',
    name: 'GBV Caseworker',
    group_permission: 'self',
    permissions: cases(caseworkerActions),
    module_unique_ids: ['primeromodule-gbv'],
    require_2fa: false,
  },
  {
    unique_id: 'role-regional-supervisor',
    name: 'Regional Supervisor',
    group_permission: 'all',
    permissions: cases(['read', 'write', 'flag', 'approve_case_plan', 'approve_closure', 'export']),
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-admin',
    name: 'Administrator',
    group_permission: 'all',
    permissions: [
      'cases',
      'users',
      'roles',
      'user_groups',
      'agencies',
      'audit_logs',
      'metadata',
      'keys',
      'reminders',
    ].map((resource) => ({ resource, actions: ['manage'] })),
    module_unique_ids: ['primeromodule-cp', 'primeromodule-gbv'],
    require_2fa: true,
  },
];
