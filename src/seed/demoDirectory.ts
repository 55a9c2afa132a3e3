import type { CountrySettings } from '../countries/types';
import type { Permission, Role } from '../users/types';

/** The demo deployment of API.md: two countries, two agencies, the roles and users listed there. */
export const DEMO_PASSWORD_DEFAULT = 'primero-demo-2026!';
// Base32 TOTP secret of the demo admin; local demo only, overridable with DEMO_TOTP_SECRET.
export const DEMO_TOTP_SECRET_DEFAULT = 'PRIMERODEMOSECRETKEYFORTOTPAAAAA';

export const demoCountries: Omit<CountrySettings, 'id' | 'type'>[] = [
  {
    country_code: 'GH',
    name: 'Ghana',
    time_zone: 'Africa/Accra',
    locales: ['en'],
    form_fields: {
      case: [
        { name: 'displacement_status', type: 'string' },
        { name: 'has_disability', type: 'boolean' },
      ],
    },
  },
  {
    country_code: 'KE',
    name: 'Kenya',
    time_zone: 'Africa/Nairobi',
    locales: ['en'],
    form_fields: { case: [] },
  },
];

export const demoAgencies = [
  { unique_id: 'agency-unicef', agency_code: 'UNICEF', name: 'UNICEF' },
  { unique_id: 'agency-ngo-a', agency_code: 'NGO-A', name: 'NGO-A' },
];

export const demoUserGroups = [
  { unique_id: 'usergroup-cp-accra', name: 'CP Accra' },
  { unique_id: 'usergroup-gbv-accra', name: 'GBV Accra' },
  { unique_id: 'usergroup-cp-nairobi', name: 'CP Nairobi' },
];

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
];
const cases = (actions: string[]): Permission[] => [{ resource: 'cases', actions }];

export const demoRoles: Omit<Role, 'id' | 'type' | 'country_code'>[] = [
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
    permissions: ['cases', 'users', 'roles', 'user_groups', 'agencies', 'audit_logs', 'metadata'].map(
      (resource) => ({ resource, actions: ['manage'] }),
    ),
    module_unique_ids: ['primeromodule-cp', 'primeromodule-gbv'],
    require_2fa: true,
  },
];

export interface DemoUser {
  user_name: string;
  full_name: string;
  country_codes: string[];
  role_unique_id: string;
  user_group_unique_ids: string[];
  agency_unique_id: string;
  totp?: boolean;
}

export const demoUsers: DemoUser[] = [
  {
    user_name: 'cw_gh',
    full_name: 'Ama Owusu',
    country_codes: ['GH'],
    role_unique_id: 'role-cp-caseworker',
    user_group_unique_ids: ['usergroup-cp-accra'],
    agency_unique_id: 'agency-unicef',
  },
  {
    user_name: 'cw2_gh',
    full_name: 'Kofi Mensah',
    country_codes: ['GH'],
    role_unique_id: 'role-cp-caseworker',
    user_group_unique_ids: ['usergroup-cp-accra'],
    agency_unique_id: 'agency-ngo-a',
  },
  {
    user_name: 'sup_gh',
    full_name: 'Efua Boateng',
    country_codes: ['GH'],
    role_unique_id: 'role-cp-supervisor',
    user_group_unique_ids: ['usergroup-cp-accra'],
    agency_unique_id: 'agency-unicef',
  },
  {
    user_name: 'gbv_gh',
    full_name: 'Abena Asante',
    country_codes: ['GH'],
    role_unique_id: 'role-gbv-caseworker',
    user_group_unique_ids: ['usergroup-gbv-accra'],
    agency_unique_id: 'agency-ngo-a',
  },
  {
    user_name: 'admin_gh',
    full_name: 'Yaw Darko',
    country_codes: ['GH'],
    role_unique_id: 'role-admin',
    user_group_unique_ids: [],
    agency_unique_id: 'agency-unicef',
    totp: true,
  },
  {
    user_name: 'cw_ke',
    full_name: 'Wanjiru Kamau',
    country_codes: ['KE'],
    role_unique_id: 'role-cp-caseworker',
    user_group_unique_ids: ['usergroup-cp-nairobi'],
    agency_unique_id: 'agency-unicef',
  },
  {
    user_name: 'regional',
    full_name: 'Amina Diallo',
    country_codes: ['GH', 'KE'],
    role_unique_id: 'role-regional-supervisor',
    user_group_unique_ids: ['usergroup-cp-accra', 'usergroup-cp-nairobi'],
    agency_unique_id: 'agency-unicef',
  },
];
