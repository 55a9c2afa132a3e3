import { msg } from '../messages/catalogue';
import type { Principal } from '../auth/principal';
import { badRequest, envelopeEntries } from '../errors';
import type { ApiResponse } from '../http/types';
import { requireConfigAdmin, lookupIdsOf, type ConfigAdminDeps } from './configAdmin';
import type { ConfigDoc } from './configDocs';
import { configId, levelTypes, MAX_LOCATION_DEPTH } from './configSchemas';
import { parseCsv } from './csv';
import { asTranslated } from './locationTree';
import type { Translated } from './translated';

/** One bad cell or row: the spreadsheet row (the header is row 1), the column, what is wrong. */
export interface ImportProblem {
  row: number;
  column: string | null;
  problem: string;
}

export interface LocationImportReport {
  dry_run: boolean;
  rows: number;
  locations: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Columns that are not `admin<N>Pcode` or `admin<N>Name_<locale>` (left out, e.g. validOn). */
  ignored_columns: string[];
  problems: ImportProblem[];
  /** The configuration version the import published (not on a dry run or a refusal). */
  version?: number;
}

interface Level {
  level: number;
  code: number;
  names: { locale: string; index: number }[];
}
interface Place {
  code: string;
  level: number;
  parent: string | null;
  name: Translated;
  row: number;
}

const MAX_PROBLEMS = 1000;
const sameName = (a: Translated, b: Translated) =>
  Object.keys({ ...a, ...b }).every((locale) => (a[locale] ?? '') === (b[locale] ?? ''));

/** The levels the header names, lowest first; a gap (admin1 and admin3, no admin2) is a problem. */
function readHeader(header: string[], problems: ImportProblem[]) {
  const levels = new Map<number, Level>();
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const column = raw.trim();
    const code = /^admin(\d)Pcode$/i.exec(column);
    const name = /^admin(\d)Name_([a-z]{2,3}(?:-[A-Z]{2})?)$/i.exec(column);
    const n = Number((code ?? name)?.[1]);
    if (!code && !name) return void ignored.push(column);
    const level = levels.get(n) ?? { level: n, code: -1, names: [] };
    if (code) level.code = index;
    else level.names.push({ locale: (name?.[2] as string).toLowerCase(), index });
    levels.set(n, level);
  });
  const sorted = [...levels.values()].sort((a, b) => a.level - b.level);
  sorted.forEach((level, i) => {
    if (level.code < 0)
      problems.push({ row: 1, column: `admin${level.level}Pcode`, problem: 'missing column' });
    if (level.names.length === 0)
      problems.push({ row: 1, column: `admin${level.level}Name_en`, problem: 'missing column (a name)' });
    const previous = sorted[i - 1];
    if (previous && previous.level !== level.level - 1)
      problems.push({
        row: 1,
        column: `admin${level.level - 1}Pcode`,
        problem: 'missing column (levels skip)',
      });
    if (level.level > MAX_LOCATION_DEPTH)
      problems.push({ row: 1, column: `admin${level.level}Pcode`, problem: 'too deep' });
  });
  if (sorted.length === 0)
    problems.push({ row: 1, column: null, problem: 'the header names no admin<N>Pcode column' });
  return { levels: sorted, ignored };
}

/**
 * Reads a country's administrative boundaries in the humanitarian p-code layout (`admin0Pcode,
 * admin0Name_en, admin1Pcode, admin1Name_en, admin1Name_fr, …`; one row per lowest-level place, each row
 * naming its ancestors) and says what it would change. Every problem is reported, none is fixed silently:
 * a missing code, a code reused with another parent or name, a place already in the country elsewhere.
 */
export function planLocationImport(csv: string, existing: ConfigDoc[], defaultLocale: string) {
  const problems: ImportProblem[] = [];
  const parsed = parseCsv(csv);
  if (parsed.error) problems.push({ row: parsed.error.line, column: null, problem: parsed.error.message });
  const [header, ...rows] = parsed.records;
  const places = new Map<string, Place>();
  const { levels, ignored } = readHeader(header?.cells ?? [], problems);
  const width = header?.cells.length ?? 0;
  // Without admin0 columns the top level hangs under the country's own location, if it has one.
  const roots = existing.filter((l) => (l.admin_level ?? 0) === 0 && !l.parent_code);
  const topParent = levels[0]?.level === 0 || roots.length !== 1 ? null : (roots[0]?.id ?? null);
  const problem = (row: number, column: string | null, text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ row, column, problem: text });
  };
  if (problems.length === 0)
    rows.forEach(({ cells }, index) => {
      const row = index + 2;
      if (cells.length !== width) return problem(row, null, `has ${cells.length} cells, the header ${width}`);
      const codes = levels.map((l) => (cells[l.code] ?? '').trim());
      const deepest = codes.reduce((last, code, i) => (code ? i : last), -1);
      if (deepest < 0) return problem(row, `admin${levels[0]?.level}Pcode`, 'missing code');
      let parent = topParent;
      for (let i = 0; i <= deepest; i++) {
        const level = levels[i] as Level;
        const column = `admin${level.level}Pcode`;
        const code = codes[i] as string;
        if (!code) return problem(row, column, `missing code (admin${levels[deepest]?.level} has one)`);
        if (!configId.safeParse(code).success)
          return problem(row, column, `code ${code} must be 1-100 letters, digits, _ . -`);
        const name: Translated = {};
        for (const { locale, index: at } of level.names) {
          const text = (cells[at] ?? '').trim();
          if (text.length > 200)
            problem(row, `admin${level.level}Name_${locale}`, 'longer than 200 characters');
          if (text) name[locale] = text;
        }
        if (Object.keys(name).length === 0)
          return problem(row, `admin${level.level}Name_${level.names[0]?.locale}`, `missing name of ${code}`);
        const seen = places.get(code);
        if (seen) {
          if (seen.level !== level.level)
            return problem(
              row,
              column,
              `code ${code} is already used at admin${seen.level}, row ${seen.row}`,
            );
          if (seen.parent !== parent)
            return problem(
              row,
              column,
              `code ${code} is already used with parent ${seen.parent ?? '(none)'}, row ${seen.row}`,
            );
          if (!sameName(seen.name, name))
            return problem(
              row,
              column,
              `code ${code} is already named "${seen.name[defaultLocale] ?? Object.values(seen.name)[0]}", row ${seen.row}`,
            );
        } else places.set(code, { code, level: level.level, parent, name, row });
        parent = code;
      }
    });
  const byCode = new Map(existing.map((doc) => [doc.id, doc]));
  const docs: ConfigDoc[] = [];
  let unchanged = 0;
  let created = 0;
  for (const place of places.values()) {
    const current = byCode.get(place.code);
    if (current && (current.parent_code ?? null) !== place.parent) {
      problem(
        place.row,
        `admin${place.level}Pcode`,
        `${place.code} is already a location of this country under ${current.parent_code ?? '(none)'}: move it with PATCH /locations/${place.code} first`,
      );
      continue;
    }
    if (current) {
      const name = { ...asTranslated(current.name, defaultLocale), ...place.name };
      if (sameName(name, asTranslated(current.name, defaultLocale))) unchanged += 1;
      else docs.push({ ...current, name });
      continue;
    }
    created += 1;
    docs.push({
      id: place.code,
      type: 'location',
      country_code: '',
      code: place.code,
      name: place.name,
      location_type: levelTypes[place.level] ?? 'village',
      admin_level: place.level,
      parent_code: place.parent,
      disabled: false,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    docs,
    report: {
      rows: rows.length,
      locations: places.size,
      created,
      updated: docs.length - created,
      unchanged,
      ignored_columns: ignored,
      problems,
    },
  };
}

/**
 * POST /locations/import (text/csv): with any bad row nothing is written and the report lists them all;
 * otherwise the places are created or renamed and one configuration version is published.
 */
export async function importLocations(
  deps: ConfigAdminDeps,
  principal: Principal,
  csv: string,
  defaultLocale: string,
  dryRun: boolean,
): Promise<LocationImportReport> {
  requireConfigAdmin(principal);
  if (csv.trim() === '') throw badRequest(msg('body_empty_csv'), 'body');
  const cc = principal.countryCode;
  const { docs, report } = planLocationImport(csv, await deps.configDocs.all(cc, 'location'), defaultLocale);
  if (dryRun || report.problems.length > 0) return { dry_run: dryRun, ...report };
  await deps.configDocs.upsertMany(
    // Parents first: a reader never sees a place whose parent is not there yet.
    docs
      .map((doc): ConfigDoc => ({ ...doc, country_code: cc }))
      .sort((a, b) => Number(a.admin_level) - Number(b.admin_level)),
  );
  const published = await deps.forms.publish(
    cc,
    principal.user.user_name,
    (forms) => forms,
    await lookupIdsOf(deps, cc),
    `locations imported (${report.created} created, ${report.updated} updated)`,
  );
  return { dry_run: false, ...report, version: published.version };
}

/** The answer to an import: the report; with bad rows a 422 whose envelope names each (nothing written). */
export function locationImportResponse(report: LocationImportReport): ApiResponse {
  const auditDetails = {
    dry_run: String(report.dry_run),
    rows: String(report.rows),
    created: String(report.created),
    updated: String(report.updated),
    problems: String(report.problems.length),
    ...(report.version ? { version: String(report.version) } : {}),
  };
  if (report.problems.length === 0) return { status: 200, json: { data: report }, auditDetails };
  const entries = report.problems.map((p) => ({
    detail: `row ${p.row}${p.column ? `, ${p.column}` : ''}`,
    message: p.problem,
  }));
  return {
    status: 422,
    json: { errors: envelopeEntries(422, 'locations', entries), data: report },
    auditDetails,
  };
}
