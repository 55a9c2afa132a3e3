import type { FormAccess } from './formAccess';

/** A role's form permissions (Primero's `form_section_read_write`), the part of a role the forms own. */
export interface RoleGrants {
  unique_id: string;
  form_section_read_write: Record<string, FormAccess>;
}

/** Where roles' form permissions are read and written (roles live with the users; passed in). */
export interface RoleGrantStore {
  list(countryCode: string): Promise<RoleGrants[]>;
  set(countryCode: string, roleId: string, grants: Record<string, FormAccess>): Promise<void>;
}
