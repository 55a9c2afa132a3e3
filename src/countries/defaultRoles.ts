import { defaultFormGrants } from '../forms/defaults/defaultForms';
import type { Permission, Role } from '../users/types';

/** The roles every new country starts with (admins adapt them later). */
const caseworkerActions = [
  'read',
  'create',
  'write',
  'enable_disable_record',
  'flag',
  // Each approval a supervisor may give, a caseworker may ask for (approve_assessment had no one to ask).
  'request_approval_assessment',
  'request_approval_case_plan',
  'request_approval_closure',
  'referral',
  'assign',
  'request_transfer',
];
const supervisorActions = [
  ...caseworkerActions,
  'approve_assessment',
  'approve_case_plan',
  'approve_closure',
  'transfer',
  'consent_override',
];
// Incidents and tracing requests: the record actions, without casework (approvals, transitions).
const recordActions = ['read', 'create', 'write', 'enable_disable_record', 'flag'];
const grants = (caseActions: string[], ...others: ('incidents' | 'tracing_requests')[]): Permission[] => [
  { resource: 'cases', actions: caseActions },
  ...others.map((resource) => ({ resource, actions: recordActions })),
];

const roles: Omit<Role, 'id' | 'type' | 'country_code'>[] = [
  {
    unique_id: 'role-cp-caseworker',
    name: 'CP Caseworker',
    group_permission: 'self',
    permissions: grants(caseworkerActions, 'incidents', 'tracing_requests'),
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-cp-supervisor',
    name: 'CP Supervisor',
    group_permission: 'group',
    permissions: grants(supervisorActions, 'incidents', 'tracing_requests'),
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-gbv-caseworker',
    name: 'GBV Caseworker',
    group_permission: 'self',
    permissions: grants(caseworkerActions, 'incidents'),
    module_unique_ids: ['primeromodule-gbv'],
    require_2fa: false,
  },
  {
    unique_id: 'role-regional-supervisor',
    name: 'Regional Supervisor',
    group_permission: 'all',
    permissions: [
      {
        resource: 'cases',
        actions: ['read', 'write', 'flag', 'approve_case_plan', 'approve_closure'],
      },
      { resource: 'incidents', actions: ['read', 'flag'] },
      { resource: 'tracing_requests', actions: ['read', 'flag'] },
    ],
    module_unique_ids: ['primeromodule-cp'],
    require_2fa: false,
  },
  {
    unique_id: 'role-admin',
    name: 'Administrator',
    group_permission: 'all',
    permissions: [
      'cases',
      'incidents',
      'tracing_requests',
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

/** Each with the forms it may read and edit (the default configuration's). */
export const defaultRoles = roles.map((role) => ({
  ...role,
  form_section_read_write: defaultFormGrants[role.unique_id] ?? {},
}));
