import { stampClosure } from '../records/closure';
import { commonFilters, commonRanges, commonShortFields } from '../records/commonSchema';
import type { RecordKind } from '../records/recordKind';
import {
  tracingRequestFieldsSchema,
  tracingRequestRecordSchema,
  tracingRequestServerOwnedKeys,
  tracingRequestSubforms,
} from './schema';

export const tracingRequestKind: RecordKind = {
  type: 'tracing_request',
  resource: 'tracing_requests',
  label: 'Tracing request',
  modules: ['primeromodule-cp'],
  fields: tracingRequestFieldsSchema,
  record: tracingRequestRecordSchema,
  subforms: new Set(Object.keys(tracingRequestSubforms)),
  serverOwned: new Set(tracingRequestServerOwnedKeys),
  // The inquirer's and the sought children's identities and whereabouts are sealed; in clear only the id and
  // the inquiry date lists filter and sort by.
  protection: {
    plain: ['tracing_request_id', 'inquiry_date'],
  },
  displayField: 'short_id',
  identity: (id) => ({ tracing_request_id: id }),
  defaults: (today) => ({ status: 'open', inquiry_date: today }),
  derive: (fields, ctx) => {
    stampClosure(fields, ctx.previous, ctx.today, ctx.roles.fields.closure_date);
  },
  list: {
    orderable: ['created_at', 'last_updated_at', 'inquiry_date', 'short_id'],
    filters: [...commonFilters, 'relation'],
    ranges: { ...commonRanges, inquiry_date: 'date' },
    shortFields: [...commonShortFields, 'relation_name', 'relation', 'inquiry_date'],
  },
};
