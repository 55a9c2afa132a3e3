import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';
import type { ChangeList, ImportPlan } from './configFile';

/**
 * A configuration file's JSON. `npm run config:export > gh.json` writes npm's own banner (`> name@1.0
 * config:export` lines) above the JSON; those lines are skipped, so the documented command works as is.
 */
export function parseConfigText(text: string): unknown {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const start = lines.findIndex((line) => line.trim() !== '' && !line.startsWith('> '));
  try {
    return JSON.parse(lines.slice(Math.max(start, 0)).join('\n'));
  } catch {
    throw badRequest(msg('config_file_not_json'), 'file');
  }
}

/** The file as the export writes it: two-space JSON and a final newline (diffable, and stable). */
export const configText = (file: unknown) => `${JSON.stringify(file, null, 2)}\n`;

const ids = (list: string[]) => (list.length > 10 ? `${list.slice(0, 10).join(', ')}, …` : list.join(', '));
const line = (what: string, c: ChangeList) =>
  [
    `${what.padEnd(10)} +${c.added.length} ~${c.changed.length} -${c.removed.length}`,
    ...(c.added.length ? [`  added: ${ids(c.added)}`] : []),
    ...(c.changed.length ? [`  changed: ${ids(c.changed)}`] : []),
    ...(c.removed.length ? [`  removed: ${ids(c.removed)}`] : []),
  ].join('\n');

/** What an import changes (or, on a dry run, would change), for an operator's terminal. */
export function describePlan(plan: ImportPlan, countryCode: string): string {
  const head =
    plan.changes === 0
      ? `${countryCode} already has this configuration: nothing to change.`
      : plan.dry_run
        ? `Dry run: ${plan.changes} changes would be made to ${countryCode} (nothing was changed).`
        : `${plan.changes} changes made to ${countryCode}; configuration version ${plan.version}.`;
  return [
    head,
    line('forms', plan.forms),
    line('lookups', plan.lookups),
    line('locations', plan.locations),
    `roles      ~${plan.roles.changed.length}${plan.roles.changed.length ? `\n  changed: ${ids(plan.roles.changed)}` : ''}`,
  ].join('\n');
}
