import { randomBytes } from 'node:crypto';
import type { App } from '../app';
import { hashPassword } from '../auth/passwords';
import { conflict } from '../errors';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import { createIfMissing } from '../platform/createIfMissing';
import type { User } from '../users/types';
import { userDocId } from '../users/userRepository';
import { roleGrantStore } from '../admin/roleGrantStore';
import { importConfig, parseConfigFile } from '../forms/configFile';
import { seedDefaultConfig } from '../forms/configSeeding';
import { defaultRoles } from './defaultRoles';
import type { CountrySetupInput } from './setupSchema';

export interface CountrySetupResult {
  country_code: string;
  created: {
    settings: boolean;
    roles: number;
    lookups: number;
    forms_version?: number;
    /** Where the configuration came from: the default forms, the file sent, or kept (it had one). */
    configuration: 'default' | 'file' | 'kept';
    data_key: boolean;
    admin: boolean;
  };
  admin_user_name: string;
  /** Only when the administrator was created now; shown once, never stored in clear. */
  admin_one_time_password?: string;
}

/**
 * After a deployment: what a new country needs before anyone can work in it — settings, default roles, its
 * data key, its first administrator. Idempotent: what exists is left as it is (an admin's later edits to
 * roles or settings survive a re-run), so the step can run after every deployment.
 */
export async function setupCountry(app: App, input: CountrySetupInput): Promise<CountrySetupResult> {
  const cc = input.country_code;
  const { users, config } = app.containers;
  const created: CountrySetupResult['created'] = {
    settings: false,
    roles: 0,
    lookups: 0,
    configuration: 'kept',
    data_key: false,
    admin: false,
  };
  // Checked first, so that a refused setup writes nothing.
  const existing = await app.users.findByUserName(input.admin.user_name);
  if (existing && (!existing.country_codes.includes(cc) || existing.role_unique_id !== 'role-admin')) {
    throw conflict('This user name is taken by another account', 'admin.user_name');
  }
  const roles = roleGrantStore(users);
  if (input.config !== undefined) {
    const existingRoles = (await roles.list(cc)).map((r) => r.unique_id);
    parseConfigFile(input.config, new Set([...existingRoles, ...defaultRoles.map((r) => r.unique_id)]));
  }

  created.settings = await createIfMissing(config, {
    id: 'settings',
    type: 'country_settings',
    country_code: cc,
    name: input.name ?? cc,
    time_zone: input.time_zone,
    locales: input.locales ?? ['en'],
    form_fields: { case: [] },
  } as { id: string; country_code: string });
  for (const role of defaultRoles) {
    if (
      await createIfMissing(users, { id: role.unique_id, type: 'role', country_code: cc, ...role } as {
        id: string;
        country_code: string;
      })
    ) {
      created.roles += 1;
    }
  }
  // A country that has a configuration keeps it (an admin's changes survive a re-run); a new one starts
  // from the file sent, or from the default forms.
  if ((await app.forms.current(cc)).version > 0) created.configuration = 'kept';
  else if (input.config !== undefined) {
    const plan = await importConfig({ ...app, roles }, cc, input.config, {
      dryRun: false,
      by: 'setup',
      defaultLocale: (input.locales ?? ['en'])[0] as string,
    });
    Object.assign(created, {
      configuration: 'file',
      lookups: plan.lookups.added.length,
      forms_version: plan.version,
    });
  } else
    Object.assign(created, {
      configuration: 'default',
      ...(await seedDefaultConfig({ forms: app.forms, config }, cc)),
    });
  const keyName = `dek-${cc.toLowerCase()}`;
  if (!(await app.keyStore.getSecret(keyName))) {
    await app.keyStore.setSecret(keyName, randomBytes(32).toString('base64'));
    created.data_key = true;
  }

  let password: string | undefined;
  if (!existing) {
    password = randomBytes(15).toString('base64url');
    const admin: User = {
      id: userDocId(input.admin.user_name),
      type: 'user',
      country_code: DEPLOYMENT_WIDE,
      user_name: input.admin.user_name,
      full_name: input.admin.full_name,
      email: input.admin.email,
      country_codes: [cc],
      role_unique_id: 'role-admin',
      user_group_unique_ids: [],
      agency_unique_id: '',
      password_hash: await hashPassword(password),
      disabled: false,
      locale: 'en',
    };
    created.admin = await app.users.create(admin);
    if (!created.admin) throw conflict('This user name is taken by another account', 'admin.user_name');
  }
  await app.audit.append({
    action: 'country_setup',
    user_name: 'deployment',
    country_code: cc,
    details: { admin: input.admin.user_name },
  });
  return {
    country_code: cc,
    created,
    admin_user_name: input.admin.user_name,
    ...(password ? { admin_one_time_password: password } : {}),
  };
}
