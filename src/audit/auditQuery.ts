import { msg } from '../messages/catalogue';
import { can, type Principal } from '../auth/principal';
import { badRequest, forbidden } from '../errors';
import type { App } from '../app';

export interface AuditQuery {
  userName?: string;
  from?: string;
  to?: string;
  actions: string[];
  recordTypes: string[];
  recordId?: string;
  page: number;
  per: number;
}

/** `user_name`, `from`, `to` (ISO dates or date-times), `audit_log_actions[]`, `record_type[]`, `record_id`, `page`, `per`. */
export function parseAuditQuery(search: URLSearchParams): AuditQuery {
  const query: AuditQuery = { actions: [], recordTypes: [], page: 1, per: 50 };
  const time = (name: string, value: string) => {
    if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}/.test(value))
      throw badRequest(msg('query_date', { name }), name);
    return new Date(value).toISOString();
  };
  for (const [key, value] of search) {
    const name = key.replace(/\[\]$/, '');
    if (name === 'user_name') query.userName = value.toLowerCase();
    else if (name === 'from') query.from = time(name, value);
    else if (name === 'to') query.to = time(name, value);
    else if (name === 'audit_log_actions') query.actions.push(...value.split(',').filter(Boolean));
    else if (name === 'record_type') query.recordTypes.push(...value.split(',').filter(Boolean));
    else if (name === 'record_id') query.recordId = value;
    else if (name === 'page' || name === 'per') {
      const n = Number(value);
      const max = name === 'per' ? 1000 : 10_000;
      if (!/^\d+$/.test(value) || n < 1 || n > max)
        throw badRequest(msg('query_whole_number', { name, max }), name);
      query[name] = n;
    } else throw badRequest(msg('query_unknown', { name }), name);
  }
  if (query.page * query.per > 10_000) throw badRequest(msg('query_window', { max: 10000 }), 'page');
  return query;
}

/** The audit trail of the administrator's country, sign-in attempts on its accounts included, newest first. */
export async function listAuditLogs(app: App, principal: Principal, q: AuditQuery) {
  if (!can(principal, 'audit_logs', 'read'))
    throw forbidden('Your role does not allow reading the audit log');
  const where = ["c.type = 'audit_entry'", 'c.country_code = @country'];
  const parameters: { name: string; value: string | string[] | number }[] = [
    { name: '@country', value: principal.countryCode },
  ];
  const add = (clause: string, name: string, value: string | string[]) => {
    where.push(clause);
    parameters.push({ name, value });
  };
  if (q.userName) add('c.user_name = @user', '@user', q.userName);
  if (q.from) add('c.at >= @from', '@from', q.from);
  if (q.to) add('c.at <= @to', '@to', q.to);
  if (q.actions.length) add('ARRAY_CONTAINS(@actions, c.action)', '@actions', q.actions);
  if (q.recordTypes.length) add('ARRAY_CONTAINS(@types, c.record_type)', '@types', q.recordTypes);
  if (q.recordId) add('c.record_id = @record', '@record', q.recordId);
  const condition = where.join(' AND ');
  const container = app.containers.audit;
  const options = { partitionKey: [principal.countryCode] };
  const [{ resources: window }, { resources: count }] = await Promise.all([
    container.items
      .query(
        {
          query: `SELECT TOP @take * FROM c WHERE ${condition} ORDER BY c.at DESC`,
          parameters: [...parameters, { name: '@take', value: q.page * q.per }],
        },
        options,
      )
      .fetchAll(),
    container.items
      .query<number>({ query: `SELECT VALUE COUNT(1) FROM c WHERE ${condition}`, parameters }, options)
      .fetchAll(),
  ]);
  const data = window
    .slice((q.page - 1) * q.per)
    .map(({ id, action, user_name, country_code, record_type, record_id, details, request_id, at }) => ({
      id,
      action,
      user_name,
      country_code,
      ...(record_type ? { record_type } : {}),
      ...(record_id && record_id !== '-' ? { record_id } : {}),
      ...(details ? { details } : {}),
      ...(request_id ? { request_id } : {}),
      timestamp: at,
    }));
  return { data, metadata: { total: count[0] ?? 0, per: q.per, page: q.page } };
}
