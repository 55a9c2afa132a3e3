import type { CountrySettings } from '../countries/types';
import { defaultRoles } from '../countries/defaultRoles';

/** The demo deployment of API.md: two countries, two agencies, the roles and users listed there. */
export const DEMO_PASSWORD_DEFAULT = 'primero-demo-2026!';
// Base32 TOTP secret of the demo admin; local demo only, overridable with DEMO_TOTP_SECRET.
export const DEMO_TOTP_SECRET_DEFAULT = 'PRIMERODEMOSECRETKEYFORTOTPAAAAA';

export const demoCountries: Omit<CountrySettings, 'id' | 'type'>[] = [
  {
    country_code: 'GH',
    name: 'Ghana',
    time_zone: 'Africa/Accra',
    locales: ['en', 'fr'],
    default_locale: 'en',
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
    // Arabic proves right-to-left rendering.
    locales: ['en', 'ar'],
    default_locale: 'en',
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

export const demoRoles = defaultRoles;

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
