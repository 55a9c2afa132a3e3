import { roleGrantStore } from '../../src/admin/roleGrantStore';
import { defaultRecordRoles } from '../../src/forms/fieldRoles';
import { defaultRoles } from '../../src/countries/defaultRoles';
import { exportConfig, importConfig, type ConfigFile } from '../../src/forms/configFile';
import { configText, describePlan, parseConfigText } from '../../src/forms/configFileText';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configExport } from '../../scripts/configExport';
import { configImport } from '../../scripts/configImport';
import { testAppSettings } from '../support/emulatorEnv';
import { startTestApp, type TestApp } from '../support/testApp';

// A country's whole configuration as a file (forms, lookups, locations, roles' form permissions): what
// `npm run config:export` / `config:import` and GET/POST /configuration move between countries.
let t: TestApp;
let admin: string;
let cw: string;
// The scripts reach the same database as the app under test, as they reach a deployment's.
const settings = testAppSettings();
beforeAll(async () => {
  t = await startTestApp(settings);
  [admin, cw] = await Promise.all([t.login('admin_gh'), t.login('cw_gh')]);
});
afterAll(() => t.close());

const deps = () => ({ ...t.app, roles: roleGrantStore(t.app.containers.users) });
const exportHttp = async () => {
  const res = await t.call('GET', '/api/v2/configuration/export', { token: admin });
  expect(res.status).toBe(200);
  return res.body as ConfigFile;
};
const importHttp = (file: unknown, query = '') =>
  t.call('POST', `/api/v2/configuration/import${query}`, { token: admin, body: file });
const version = async (cc: string) => (await t.app.forms.current(cc)).version;
/** A country with settings and the default roles, and no configuration yet. */
const emptyCountry = async (cc: string) => {
  const { config, users } = t.app.containers;
  await config.items.upsert({
    id: 'settings',
    type: 'country_settings',
    country_code: cc,
    name: cc,
    time_zone: 'UTC',
    locales: ['en', 'fr'],
    form_fields: { case: [] },
  });
  for (const role of defaultRoles)
    await users.items.upsert({
      id: role.unique_id,
      type: 'role',
      country_code: cc,
      ...role,
      form_section_read_write: {},
    });
};

describe('configuration as a file', () => {
  it('GET /configuration/export: every form, lookup, place and role grant, naming no country', async () => {
    const file = await exportHttp();
    expect(file).toMatchObject({ format: 'primero-serverless-configuration', format_version: 1 });
    expect(file.forms.map((f) => f.unique_id)).toContain('basic_identity');
    expect(file.lookups.find((l) => l.unique_id === 'lookup-gender')).toMatchObject({ locked: true });
    expect(file.locations.find((l) => l.code === 'GH0101')).toEqual({
      code: 'GH0101',
      name: { en: 'Accra Metropolitan', fr: 'Accra Métropole' },
      type: 'district',
      admin_level: 2,
      parent_code: 'GH01',
      disabled: false,
    });
    expect(
      file.roles.find((r) => r.unique_id === 'role-cp-caseworker')?.form_section_read_write,
    ).toMatchObject({
      basic_identity: 'rw',
    });
    expect(JSON.stringify(file)).not.toMatch(/country_code|published_at|"version"/);
    expect((await t.call('GET', '/api/v2/configuration/export', { token: cw })).status).toBe(403);
  });

  it('round trip: export → import into an empty country → export again is the same file', async () => {
    const text = configText(await exportConfig(deps(), 'GH', 'en'));
    await emptyCountry('ZA');
    expect(await version('ZA')).toBe(0);
    const dry = await importConfig(deps(), 'ZA', parseConfigText(text), {
      dryRun: true,
      by: 'test',
      defaultLocale: 'en',
    });
    expect(dry.forms.added.length).toBeGreaterThan(20);
    expect(dry.lookups.added).toHaveLength(21);
    expect(dry.locations.added).toHaveLength(6);
    expect(dry.roles.changed).toHaveLength(defaultRoles.length);
    expect(describePlan(dry, 'ZA')).toMatch(
      /^Dry run: \d+ changes would be made to ZA \(nothing was changed\)/,
    );
    expect(await version('ZA')).toBe(0);
    expect(await t.app.configDocs.all('ZA', 'lookup')).toEqual([]);

    const done = await importConfig(deps(), 'ZA', parseConfigText(text), {
      dryRun: false,
      by: 'test',
      defaultLocale: 'en',
    });
    expect(done.version).toBe(1);
    expect(configText(await exportConfig(deps(), 'ZA', 'en'))).toBe(text);
    // Importing it again changes nothing and publishes nothing.
    const again = await importConfig(deps(), 'ZA', parseConfigText(text), {
      dryRun: false,
      by: 'test',
      defaultLocale: 'en',
    });
    expect(again.changes).toBe(0);
    expect(await version('ZA')).toBe(1);
  });

  it('a file exported before fields had roles keeps its follow-ups and services working when imported', async () => {
    const file = JSON.parse(configText(await exportConfig(deps(), 'GH', 'en'))) as ConfigFile;
    const withoutRoles = {
      ...file,
      forms: file.forms.map((form) => ({
        ...form,
        fields: form.fields.map(({ role: _role, ...field }) => field),
      })),
    };
    expect(JSON.stringify(withoutRoles.forms)).not.toContain('"role"');
    await emptyCountry('ZM');
    await importConfig(deps(), 'ZM', withoutRoles as ConfigFile, {
      dryRun: false,
      by: 'test',
      defaultLocale: 'en',
    });
    const roles = await t.app.records.roles.current('ZM');
    expect(roles.of('case', 'primeromodule-cp')).toEqual(defaultRecordRoles);
  });

  it('npm’s banner above the JSON (npm run config:export > gh.json) is skipped when reading the file', () => {
    const banner =
      '\n> primero-serverless@0.1.0 config:export\n> node dist/scripts/configExport.js --country GH\n\n';
    expect(parseConfigText(`${banner}{"format": "x"}\n`)).toEqual({ format: 'x' });
    expect(() => parseConfigText('not json')).toThrow(/not valid JSON/);
  });

  it('POST /configuration/import?dry_run=true says what would change; the import then applies it', async () => {
    const file = await exportHttp();
    const gender = file.lookups.find((l) => l.unique_id === 'lookup-gender') as ConfigFile['lookups'][number];
    gender.values = [
      ...gender.values,
      { id: 'non_binary', display_text: { en: 'Non-binary', fr: 'Non binaire' } },
    ];
    file.locations = file.locations.filter((l) => l.code !== 'GH0102');
    const caseworker = file.roles.find(
      (r) => r.unique_id === 'role-cp-caseworker',
    ) as ConfigFile['roles'][number];
    caseworker.form_section_read_write.psychosocial_assessment = 'r';
    const v = await version('GH');

    const dry = await importHttp(file, '?dry_run=true');
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({
      dry_run: true,
      forms: { added: [], changed: [], removed: [] },
      lookups: { added: [], changed: ['lookup-gender'], removed: [] },
      locations: { added: [], changed: [], removed: ['GH0102'] },
      roles: { changed: ['role-cp-caseworker'] },
      changes: 3,
    });
    expect(await version('GH')).toBe(v);
    expect((await t.call('GET', '/api/v2/locations/GH0102', { token: cw })).status).toBe(200);

    const res = await importHttp(file);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ dry_run: false, changes: 3, version: v + 1 });
    expect((await t.call('GET', '/api/v2/locations/GH0102', { token: cw })).status).toBe(404);
    const genderNow = await t.call('GET', '/api/v2/lookups/lookup-gender', { token: cw });
    expect(genderNow.body.data.values.map((o: { id: string }) => o.id)).toContain('non_binary');
    // The role's new grant reaches the caseworker at their next sign-in.
    const forms = await t.call('GET', '/api/v2/forms', { token: await t.login('cw_gh') });
    expect(forms.body.data.map((f: { id: string }) => f.id)).toContain('psychosocial_assessment');
    const logs = await t.call(
      'GET',
      '/api/v2/audit_logs?audit_log_actions[]=admin_import&record_type[]=configuration',
      {
        token: admin,
      },
    );
    expect(logs.body.data[0].details).toMatchObject({
      dry_run: 'false',
      lookups: '+0 ~1 -0',
      version: String(v + 1),
    });
  });

  it('a file is checked as a whole: every problem named, nothing changed', async () => {
    const file = await exportHttp();
    const v = await version('GH');
    const broken = structuredClone(file);
    broken.lookups = broken.lookups.filter((l) => l.unique_id !== 'lookup-risk-level');
    broken.roles.push({ unique_id: 'role-nobody', form_section_read_write: { no_such_form: 'r' } });
    broken.locations.push({ ...file.locations[0], code: 'GH9999', parent_code: 'NOWHERE' } as never);
    const res = await importHttp(broken);
    expect(res.status).toBe(422);
    const messages = res.body.errors.map(
      (e: { detail: string; message: string }) => `${e.detail}: ${e.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/risk_level: lookup lookup-risk-level does not exist$/),
        'locations.GH9999: parent NOWHERE is not in the file',
        'roles.role-nobody: is not a role of this country: create it (or run the country setup) before the import',
        'roles.role-nobody: grants form no_such_form, which the file lacks',
      ]),
    );
    expect((await importHttp({ ...file, format: 'something-else' })).status).toBe(422);
    expect((await importHttp(file, '?dry_run=maybe')).status).toBe(400);
    expect((await t.call('POST', '/api/v2/configuration/import', { token: cw, body: file })).status).toBe(
      403,
    );
    expect(await version('GH')).toBe(v);
    expect((await t.call('GET', '/api/v2/lookups/lookup-risk-level', { token: cw })).status).toBe(200);
  });

  it('what publishing refuses (a sensitive field made plain) fails the dry run too, and writes no lookup', async () => {
    const file = await exportHttp();
    const changed = structuredClone(file);
    const lookup = changed.lookups.find((l) => l.unique_id === 'lookup-risk-level');
    (lookup?.values[0] as { display_text: Record<string, string> }).display_text.en = 'Renamed by the file';
    for (const form of changed.forms)
      for (const field of form.fields) if (field.name === 'pss_notes') field.protection = 'plain';
    for (const query of ['?dry_run=true', '']) {
      const res = await importHttp(changed, query);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ detail: expect.stringMatching(/pss_notes$/) }),
      ]);
    }
    expect(await exportHttp()).toEqual(file);
  });

  it('a new country’s setup can start from a file instead of the default forms', async () => {
    const file = await exportHttp();
    file.lookups.unshift({ unique_id: 'lookup-aaa-clan', name: { en: 'Clan' }, locked: false, values: [] });
    const res = await t.call('POST', '/api/v2/admin/country_setup', {
      headers: { 'x-functions-key': t.masterKey },
      body: {
        data: {
          country_code: 'SO',
          time_zone: 'Africa/Mogadishu',
          locales: ['en', 'fr'],
          admin: { user_name: 'admin_so', full_name: 'Hodan Ali', email: 'admin-so@example.org' },
          config: file,
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.created).toMatchObject({ configuration: 'file', lookups: 22, forms_version: 1 });
    expect(configText(await exportConfig(deps(), 'SO', 'en'))).toBe(configText(file));
    // A broken file refuses the whole setup before anything is written.
    const refused = await t.call('POST', '/api/v2/admin/country_setup', {
      headers: { 'x-functions-key': t.masterKey },
      body: {
        data: {
          country_code: 'ET',
          time_zone: 'Africa/Addis_Ababa',
          admin: { user_name: 'admin_et', full_name: 'Abebe', email: 'admin-et@example.org' },
          config: { ...file, lookups: [] },
        },
      },
    });
    expect(refused.status).toBe(422);
    expect(await t.app.users.findByUserName('admin_et')).toBeUndefined();
  });

  it('npm run config:export / config:import: a file, a dry run that changes nothing, then the import', async () => {
    await emptyCountry('ZB');
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const path = join(dir, 'gh.json');
    const text = await configExport(['--country', 'GH', '--out', path], settings);
    expect(readFileSync(path, 'utf8')).toBe(text);
    // What `npm run config:export -- --country GH > gh.json` writes: npm's banner, then the file.
    const redirected = join(dir, 'redirected.json');
    writeFileSync(
      redirected,
      `\n> primero-serverless@0.1.0 config:export\n> node dist/scripts/configExport.js\n\n${text}`,
    );
    const dry = await configImport(['--country', 'ZB', redirected, '--dry-run'], settings);
    expect(dry).toMatch(
      /^Dry run: \d+ changes would be made to ZB \(nothing was changed\)\.\nforms +\+\d+ ~0 -0/,
    );
    expect(await t.app.forms.version('ZB', 1)).toBeUndefined();
    expect(await configImport(['--country', 'ZB', path], settings)).toMatch(
      /^\d+ changes made to ZB; configuration version 1\./,
    );
    expect(await configExport(['--country', 'zb'], settings)).toBe(text);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(text), lookups: [] }));
    await expect(configImport(['--country', 'ZB', path], settings)).rejects.toMatchObject({ status: 422 });
    await expect(configImport(['--country', 'ZB'], settings)).rejects.toThrow('Name one configuration file');
  });
});
