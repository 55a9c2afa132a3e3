import { writeContactInformation } from '../meta/contactInformation';
import type { App } from '../app';
import { hashPassword } from '../auth/passwords';
import type { Principal } from '../auth/principal';
import { seedDefaultConfig } from '../forms/configSeeding';
import { createIncident } from '../incidents/incidentFromCase';
import { createRecord } from '../records/recordCreator';
import { DEPLOYMENT_WIDE } from '../platform/containers';
import type { Role, User } from '../users/types';
import { userDocId } from '../users/userRepository';
import { demoCases, demoOtherRecords } from './demoCases';
import { demoLocations } from './demoLocations';
import { demoAgencies, demoCountries, demoRoles, demoUserGroups, demoUsers } from './demoDirectory';

export interface SeedOptions {
  password: string;
  totpSecret: string;
}

/**
 * Writes the demo deployment: country settings, agencies, user groups, roles, users and cases. Safe to run
 * on every start: directory documents are upserted, cases created only if missing.
 */
export async function seedDemo(app: App, options: SeedOptions): Promise<void> {
  const { users, config: configContainer, records } = app.containers;
  for (const country of demoCountries) {
    const cc = country.country_code;
    await configContainer.items.upsert({ id: 'settings', type: 'country_settings', ...country });
    for (const agency of demoAgencies)
      await users.items.upsert({ id: agency.unique_id, type: 'agency', country_code: cc, ...agency });
    for (const group of demoUserGroups)
      await users.items.upsert({ id: group.unique_id, type: 'user_group', country_code: cc, ...group });
    for (const role of demoRoles)
      await users.items.upsert({ id: role.unique_id, type: 'role', country_code: cc, ...role });
    await seedDefaultConfig({ forms: app.forms, config: configContainer }, cc);
    for (const location of demoLocations(cc)) await configContainer.items.upsert(location);
  }
  await writeContactInformation(configContainer, {
    name: 'Primero demo support',
    organization: 'UNICEF',
    email: 'support@example.org',
    support_forum: 'https://www.primero.org/support',
  });
  const password_hash = await hashPassword(options.password);
  for (const demo of demoUsers) {
    const { totp, ...fields } = demo;
    const user: User = {
      ...fields,
      id: userDocId(demo.user_name),
      type: 'user',
      country_code: DEPLOYMENT_WIDE,
      email: `${demo.user_name}@example.org`,
      password_hash,
      disabled: false,
      locale: 'en',
      ...(totp ? { totp_secret: options.totpSecret } : {}),
    };
    await app.users.upsert(user);
  }

  const now = app.clock.now();
  const demos = [
    ...demoCases(now).map((demo) => ({ ...demo, record_type: 'case' as const })),
    ...demoOtherRecords(now),
  ];
  for (const demo of demos) {
    const { resource } = await records.item(demo.id, [demo.country_code, demo.id]).read();
    if (resource) continue;
    const owner = (await app.users.findByUserName(demo.owner)) as User;
    const role = (await app.users.findRole(demo.country_code, owner.role_unique_id)) as Role;
    const principal: Principal = {
      user: owner,
      role,
      countryCode: demo.country_code,
      tokenId: 'seed',
      tokenExpiresAt: 0,
    };
    const data = { id: demo.id, ...demo.fields };
    if (demo.record_type === 'incident') await createIncident(app.records, principal, data);
    else await createRecord(app.records, app.records.repos[demo.record_type], principal, data);
  }
}
