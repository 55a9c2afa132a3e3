import { commonShortFields } from '../records/commonSchema';
import type { RecordKind } from '../records/recordKind';
import { deriveCaseFields } from './caseDerivedFields';
import { caseFieldsSchema, caseRecordSchema, serverOwnedKeys, subforms } from './schema';

export const caseKind: RecordKind = {
  type: 'case',
  resource: 'cases',
  label: 'Case',
  modules: ['primeromodule-cp', 'primeromodule-gbv'],
  fields: caseFieldsSchema,
  record: caseRecordSchema,
  subforms: new Set(Object.keys(subforms)),
  serverOwned: new Set(serverOwnedKeys),
  // In clear whatever the forms say (they class everything else): the ids, the workflow stage, and the registration date and age
  // lists filter and sort by by range (age is computed from the sealed date of birth at write).
  protection: {
    plain: ['case_id', 'case_id_display', 'workflow', 'registration_date', 'age'],
  },
  displayField: 'case_id_display',
  identity: (id, shortId) => ({ case_id: id, case_id_display: shortId }),
  defaults: (today) => ({ status: 'open', registration_date: today }),
  derive: deriveCaseFields,
  list: {
    orderable: ['created_at', 'last_updated_at', 'registration_date', 'case_id_display', 'age'],
    filters: [
      'status',
      'sex',
      'risk_level',
      'protection_concerns',
      'location_current',
      'owned_by',
      'module_id',
      'workflow',
      'id',
    ],
    ranges: {
      age: 'int',
      created_at: 'datetime',
      last_updated_at: 'datetime',
      registration_date: 'date',
    },
    shortFields: [
      ...commonShortFields,
      'case_id_display',
      'name',
      'age',
      'sex',
      'registration_date',
      'workflow',
    ],
  },
};
