export type GroupPermission = 'self' | 'group' | 'agency' | 'all';
export type ModuleId = 'primeromodule-cp' | 'primeromodule-gbv';

export interface Permission {
  resource: string;
  actions: string[];
}

/** A role lives in each country's partition, so an admin configures only their own country's roles. */
export interface Role {
  id: string;
  type: 'role';
  country_code: string;
  unique_id: string;
  name: string;
  group_permission: GroupPermission;
  permissions: Permission[];
  module_unique_ids: ModuleId[];
  require_2fa: boolean;
  /** Which forms the role may read (`r`) or edit (`rw`); a form not listed is invisible to it. */
  form_section_read_write?: Record<string, 'r' | 'rw'>;
}

export interface UserGroup {
  id: string;
  type: 'user_group';
  country_code: string;
  unique_id: string;
  name: string;
}

export interface Agency {
  id: string;
  type: 'agency';
  country_code: string;
  unique_id: string;
  agency_code: string;
  name: string;
}

/** An account is deployment-wide: one person may act in several countries (a regional supervisor). */
export interface User {
  id: string;
  type: 'user';
  country_code: string;
  user_name: string;
  full_name: string;
  email?: string;
  country_codes: string[];
  role_unique_id: string;
  user_group_unique_ids: string[];
  agency_unique_id: string;
  password_hash: string;
  /** With Entra ID sign-in: the account's object id, checked against the token's `oid` once recorded. */
  entra_object_id?: string;
  totp_secret?: string;
  /** Issued by POST /users/me/totp, becomes totp_secret once a code from it is verified. */
  totp_pending_secret?: string;
  disabled: boolean;
  /** Session tokens issued before this time (a password reset) are refused. */
  tokens_valid_after?: string;
  locale: string;
}
