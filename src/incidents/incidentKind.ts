import { stampClosure } from '../records/closure';
import { commonFilters, commonRanges, commonShortFields } from '../records/commonSchema';
import type { RecordKind } from '../records/recordKind';
import {
  incidentFieldsSchema,
  incidentRecordSchema,
  incidentServerOwnedKeys,
  incidentSubforms,
} from './schema';

export const incidentKind: RecordKind = {
  type: 'incident',
  resource: 'incidents',
  label: 'Incident',
  modules: ['primeromodule-cp', 'primeromodule-gbv'],
  fields: incidentFieldsSchema,
  record: incidentRecordSchema,
  subforms: new Set(Object.keys(incidentSubforms)),
  serverOwned: new Set(incidentServerOwnedKeys),
  // What happened and who did it identify a survivor as surely as a name: all sealed. In clear: the ids,
  // the linked case, and the dates and age lists filter and sort by by range.
  protection: {
    plain: [
      'incident_id',
      'incident_code',
      'incident_case_id',
      'incident_case_id_display',
      'incident_date',
      'date_of_first_report',
      'age',
    ],
  },
  displayField: 'incident_code',
  identity: (id, shortId) => ({ incident_id: id, incident_code: shortId }),
  defaults: (today) => ({ status: 'open', date_of_first_report: today }),
  derive: (fields, ctx) => {
    stampClosure(fields, ctx.previous, ctx.today, ctx.roles.fields.closure_date);
  },
  list: {
    orderable: ['created_at', 'last_updated_at', 'date_of_first_report', 'incident_date', 'incident_code'],
    filters: [...commonFilters, 'sex', 'gbv_sexual_violence_type', 'incident_case_id'],
    ranges: { ...commonRanges, age: 'int', incident_date: 'date', date_of_first_report: 'date' },
    shortFields: [
      ...commonShortFields,
      'incident_code',
      'name',
      'sex',
      'age',
      'date_of_first_report',
      'incident_date',
      'gbv_sexual_violence_type',
      'incident_case_id',
    ],
  },
};
