import type { ConfigDoc } from '../../src/forms/configDocs';
import { parseCsv } from '../../src/forms/csv';
import { planLocationImport } from '../../src/forms/locationImport';

// The p-code CSV a country office downloads (OCHA's common operational datasets): one row per lowest
// place, its ancestors repeated on every row, names in several locales.
const header =
  'admin0Pcode,admin0Name_en,admin1Pcode,admin1Name_en,admin1Name_fr,admin2Pcode,admin2Name_en,validOn';
const csv = (...rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const good = csv(
  'SO,Somalia,SO11,Awdal,Awdal,SO1101,Borama,2024-01-01',
  'SO,Somalia,SO11,Awdal,Awdal,SO1102,Baki,2024-01-01',
  'SO,Somalia,SO22,"Banadir, Mogadishu",Banadir,SO2201,"Hodan ""Central""",2024-01-01',
  'SO,Somalia,SO23,Bari,,,,2024-01-01',
);

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const { records, error } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\n');
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
    ]);
    expect(parseCsv('a\n"open').error).toEqual({ line: 2, message: 'a quoted cell is never closed' });
  });
});

describe('planLocationImport', () => {
  it('builds the tree from the rows: levels, parents, types and every locale’s name', () => {
    const { docs, report } = planLocationImport(good, [], 'en');
    expect(report).toMatchObject({ rows: 4, locations: 7, created: 7, updated: 0, problems: [] });
    expect(report.ignored_columns).toEqual(['validOn']);
    const byCode = Object.fromEntries(docs.map((d) => [d.code, d]));
    expect(byCode.SO).toMatchObject({ admin_level: 0, parent_code: null, location_type: 'country' });
    expect(byCode.SO22).toMatchObject({
      admin_level: 1,
      parent_code: 'SO',
      location_type: 'region',
      name: { en: 'Banadir, Mogadishu', fr: 'Banadir' },
    });
    expect(byCode.SO2201).toMatchObject({ parent_code: 'SO22', name: { en: 'Hodan "Central"' } });
    expect(byCode.SO23).toMatchObject({ name: { en: 'Bari' } });
  });

  it('reports every bad row with its row number, column and problem', () => {
    const { report } = planLocationImport(
      csv(
        'SO,Somalia,SO11,Awdal,,SO1101,Borama,', // row 2: fine
        'SO,Somalia,,,,SO1102,Baki,', // row 3: a district without its region's code
        'SO,Somalia,SO22,Banadir,,SO1101,Hodan,', // row 4: SO1101 again, under another region
        'SO,Somalia,SO11,Awdal North,,SO1103,Lughaya,', // row 5: SO11 renamed within the file
        'SO,Somalia,SO11,Awdal,,SO 1104,Zeila,', // row 6: a code with a space
        'SO,Somalia,SO11,Awdal,,SO1105,,', // row 7: no name
        'SO,Somalia,SO11', // row 8: too few cells
      ),
      [],
      'en',
    );
    expect(report.problems).toEqual([
      { row: 3, column: 'admin1Pcode', problem: 'missing code (admin2 has one)' },
      { row: 4, column: 'admin2Pcode', problem: 'code SO1101 is already used with parent SO11, row 2' },
      { row: 5, column: 'admin1Pcode', problem: 'code SO11 is already named "Awdal", row 2' },
      { row: 6, column: 'admin2Pcode', problem: 'code SO 1104 must be 1-100 letters, digits, _ . -' },
      { row: 7, column: 'admin2Name_en', problem: 'missing name of SO1105' },
      { row: 8, column: null, problem: 'has 3 cells, the header 8' },
    ]);
  });

  it('a header without a level’s code or with a gap in the levels is refused at row 1', () => {
    const { report } = planLocationImport(
      'admin1Pcode,admin1Name_en,admin3Pcode,admin3Name_en\nA,B,C,D\n',
      [],
      'en',
    );
    expect(report.problems).toEqual([
      { row: 1, column: 'admin2Pcode', problem: 'missing column (levels skip)' },
    ]);
    expect(planLocationImport('name,code\nx,y\n', [], 'en').report.problems[0]).toMatchObject({
      row: 1,
      problem: 'the header names no admin<N>Pcode column',
    });
  });

  it('against the country’s places: renames update, known places count as unchanged, a moved place is refused', () => {
    const existing = [
      {
        id: 'SO',
        type: 'location',
        country_code: 'SO',
        code: 'SO',
        name: { en: 'Somalia' },
        admin_level: 0,
        parent_code: null,
      },
      {
        id: 'SO11',
        type: 'location',
        country_code: 'SO',
        code: 'SO11',
        name: 'Awdal region',
        admin_level: 1,
        parent_code: 'SO',
      },
      {
        id: 'SO1101',
        type: 'location',
        country_code: 'SO',
        code: 'SO1101',
        name: { en: 'Borama' },
        admin_level: 2,
        parent_code: 'SO22',
      },
    ] as ConfigDoc[];
    const { docs, report } = planLocationImport(
      csv('SO,Somalia,SO11,Awdal,Awdal,SO1102,Baki,'),
      existing,
      'en',
    );
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1, problems: [] });
    expect(docs.find((d) => d.id === 'SO11')?.name).toEqual({ en: 'Awdal', fr: 'Awdal' });
    const moved = planLocationImport(csv('SO,Somalia,SO11,Awdal,,SO1101,Borama,'), existing, 'en');
    expect(moved.report.problems).toEqual([
      {
        row: 2,
        column: 'admin2Pcode',
        problem:
          'SO1101 is already a location of this country under SO22: move it with PATCH /locations/SO1101 first',
      },
    ]);
    // Without admin0 columns the regions hang under the country's own location.
    const regions = planLocationImport('admin1Pcode,admin1Name_en\nSO99,New region\n', existing, 'en');
    expect(regions.docs).toEqual([
      expect.objectContaining({ id: 'SO99', parent_code: 'SO', admin_level: 1 }),
    ]);
  });
});
