import type { Principal } from '../../src/auth/principal';
import { can } from '../../src/auth/principal';
import { inScope, type ScopedRecord } from '../../src/policy/recordScope';
import type { GroupPermission, ModuleId } from '../../src/users/types';

const principal = (reach: GroupPermission, modules: ModuleId[] = ['primeromodule-cp']): Principal => ({
  user: {
    id: 'user-me',
    type: 'user',
    country_code: '*',
    user_name: 'me',
    full_name: 'Me',
    country_codes: ['GH'],
    role_unique_id: 'role',
    user_group_unique_ids: ['group-a'],
    agency_unique_id: 'agency-a',
    password_hash: '',
    disabled: false,
    locale: 'en',
  },
  role: {
    id: 'role',
    type: 'role',
    country_code: 'GH',
    unique_id: 'role',
    name: 'Role',
    group_permission: reach,
    permissions: [{ resource: 'cases', actions: ['read', 'write'] }],
    module_unique_ids: modules,
    require_2fa: false,
  },
  countryCode: 'GH',
  tokenId: 'jti',
  tokenExpiresAt: 0,
});

const record = (over: Partial<ScopedRecord> = {}): ScopedRecord => ({
  country_code: 'GH',
  module_id: 'primeromodule-cp',
  owned_by: 'someone',
  owned_by_agency_id: 'agency-b',
  owned_by_groups: ['group-b'],
  associated_user_names: ['someone'],
  ...over,
});

describe('inScope', () => {
  const mine = record({ owned_by: 'me', associated_user_names: ['me'] });
  const assigned = record({ associated_user_names: ['someone', 'me'] });
  const myGroup = record({ owned_by_groups: ['group-a'] });
  const myAgency = record({ owned_by_agency_id: 'agency-a' });
  const stranger = record();

  it.each([
    ['self', [true, true, false, false, false]],
    ['group', [true, true, true, false, false]],
    ['agency', [true, true, false, true, false]],
    ['all', [true, true, true, true, true]],
  ] as const)('%s reach', (reach, expected) => {
    const who = principal(reach);
    expect([mine, assigned, myGroup, myAgency, stranger].map((r) => inScope(who, r))).toEqual(expected);
  });

  it('never reaches another country, even with reach all and ownership', () => {
    expect(
      inScope(
        principal('all'),
        record({ country_code: 'KE', owned_by: 'me', associated_user_names: ['me'] }),
      ),
    ).toBe(false);
  });

  it('never reaches a module the role does not work in', () => {
    expect(inScope(principal('all'), record({ module_id: 'primeromodule-gbv', owned_by: 'me' }))).toBe(false);
    expect(inScope(principal('all', ['primeromodule-gbv']), record({ module_id: 'primeromodule-gbv' }))).toBe(
      true,
    );
  });
});

describe('can', () => {
  it('grants listed actions and everything under manage; denies the rest', () => {
    const who = principal('self');
    expect(can(who, 'cases', 'read')).toBe(true);
    expect(can(who, 'cases', 'enable_disable_record')).toBe(false);
    expect(can(who, 'users', 'read')).toBe(false);
    who.role.permissions = [{ resource: 'cases', actions: ['manage'] }];
    expect(can(who, 'cases', 'enable_disable_record')).toBe(true);
  });
});
