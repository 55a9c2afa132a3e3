import { startTestApp, type TestApp } from '../support/testApp';

// A country's administrative boundaries from the p-code CSV its office downloads, and lists filtered by a
// place and everything under it.
let t: TestApp;
let admin: string;
let cw: string;
beforeAll(async () => {
  t = await startTestApp();
  [admin, cw] = await Promise.all([t.login('admin_gh'), t.login('cw_gh')]);
});
afterAll(() => t.close());

const header = 'admin0Pcode,admin0Name_en,admin1Pcode,admin1Name_en,admin1Name_fr,admin2Pcode,admin2Name_en';
const northern = [
  header,
  'GH,Ghana,GH03,Northern,Nord,GH0301,Tamale Metropolitan',
  'GH,Ghana,GH03,Northern,Nord,GH0302,Yendi',
  'GH,Ghana,GH01,Greater Accra,Grand Accra,GH0101,Accra Metropolitan',
].join('\n');
const importCsv = (csv: string, query = '', token = admin, type = 'text/csv') =>
  t.call('POST', `/api/v2/locations/import${query}`, {
    token,
    rawBody: csv,
    headers: { 'Content-Type': type },
  });
const codes = async () =>
  ((await t.call('GET', '/api/v2/locations?per=999', { token: cw })).body.data as { code: string }[]).map(
    (l) => l.code,
  );
const version = async () =>
  (await t.call('GET', '/api/v2/forms', { token: admin })).body.metadata.version as number;

describe('POST /api/v2/locations/import', () => {
  it('a dry run reports what the file holds and changes nothing', async () => {
    const v = await version();
    const res = await importCsv(northern, '?dry_run=true');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      dry_run: true,
      rows: 3,
      locations: 6,
      created: 3,
      updated: 0,
      unchanged: 3,
      problems: [],
    });
    expect(await codes()).not.toContain('GH03');
    expect(await version()).toBe(v);
  });

  it('a file with bad rows is refused whole, each problem with its row and column', async () => {
    const bad = [
      header,
      'GH,Ghana,GH04,Volta,Volta,GH0401,Ho',
      'GH,Ghana,,,,GH0402,Keta',
      'GH,Ghana,GH05,Western,Ouest,GH0401,Takoradi',
      'GH,Ghana,GH0201,Kumasi,,GH020101,Manhyia',
    ].join('\n');
    const res = await importCsv(bad);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        status: 422,
        resource: 'locations',
        detail: 'row 3, admin1Pcode',
        message: 'missing code (admin2 has one)',
      },
      {
        status: 422,
        resource: 'locations',
        detail: 'row 4, admin2Pcode',
        message: 'code GH0401 is already used with parent GH04, row 2',
      },
      {
        status: 422,
        resource: 'locations',
        detail: 'row 5, admin1Pcode',
        message:
          'GH0201 is already a location of this country under GH02: move it with PATCH /locations/GH0201 first',
      },
    ]);
    expect(res.body.data.problems).toHaveLength(3);
    expect(await codes()).not.toContain('GH04');
  });

  it('imports the tree: new places with their parents and locales, one new version, audited', async () => {
    const v = await version();
    const res = await importCsv(northern);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ dry_run: false, created: 3, version: v + 1 });
    const tamale = await t.call('GET', '/api/v2/locations/GH0301', { token: cw });
    expect(tamale.body.data).toMatchObject({
      type: 'district',
      admin_level: 2,
      name: { en: 'Tamale Metropolitan', fr: '' },
      hierarchy: ['GH', 'GH03', 'GH0301'],
    });
    expect((await t.call('GET', '/api/v2/locations/GH03', { token: cw })).body.data.name).toEqual({
      en: 'Northern',
      fr: 'Nord',
    });
    const logs = await t.call(
      'GET',
      '/api/v2/audit_logs?audit_log_actions[]=admin_import&record_type[]=location',
      {
        token: admin,
      },
    );
    expect(logs.body.data[0].details).toMatchObject({
      dry_run: 'false',
      created: '3',
      version: String(v + 1),
    });
    // The same file again changes nothing.
    expect((await importCsv(northern)).body.data).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
  });

  it('wants CSV from an admin, and only dry_run as a parameter', async () => {
    expect((await importCsv(northern, '', cw)).status).toBe(403);
    expect((await importCsv(northern, '', admin, 'application/json')).status).toBe(400);
    expect((await importCsv(northern, '?dry_run=yes')).status).toBe(400);
    expect((await importCsv(northern, '?dryrun=true')).status).toBe(400);
    expect((await importCsv('')).status).toBe(400);
  });
});

describe('a location filter on a list holds the places under it', () => {
  it('?location_current=GH03 finds the cases in its districts; a district finds its own', async () => {
    const ids: Record<string, string> = {};
    for (const code of ['GH0301', 'GH0302', 'GH0101']) {
      const res = await t.call('POST', '/api/v2/cases', {
        token: cw,
        body: { data: { name: `Child in ${code}`, location_current: code } },
      });
      expect(res.status).toBe(200);
      ids[code] = res.body.data.id;
    }
    const listed = async (query: string) =>
      ((await t.call('GET', `/api/v2/cases?${query}&per=100`, { token: cw })).body.data as { id: string }[])
        .map((c) => c.id)
        .filter((id) => Object.values(ids).includes(id))
        .sort();
    expect(await listed('location_current=GH03')).toEqual([ids.GH0301, ids.GH0302].sort());
    expect(await listed('location_current=GH0302')).toEqual([ids.GH0302]);
    expect(await listed('location_current=GH')).toEqual(Object.values(ids).sort());
    expect(await listed('location_current=GH02')).toEqual([]);
  });
});
