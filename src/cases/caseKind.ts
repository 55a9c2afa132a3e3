import { commonSensitiveFields, commonShortFields } from '../records/commonSchema';
import type { RecordKind } from '../records/recordKind';
import { deriveCaseFields } from './caseDerivedFields';
import { caseFieldsSchema, caseRecordSchema, serverOwnedKeys, subforms } from './schema';

export const nameFields = ['name', 'name_first', 'name_middle', 'name_last', 'name_nickname'];

export const caseKind: RecordKind = {
  type: 'case',
  resource: 'cases',
  label: 'Case',
  modules: ['primeromodule-cp', 'primeromodule-gbv'],
  fields: caseFieldsSchema,
  record: caseRecordSchema,
  subforms: new Set(Object.keys(subforms)),
  serverOwned: new Set(serverOwnedKeys),
  // Identifying details and narratives; fields used for filtering and reporting (sex, age, risk level,
  // status, location code) stay in clear, and `age` is computed from the date of birth at write.
  sensitiveFields: [
    ...nameFields,
    'date_of_birth',
    'address_current',
    'telephone_current',
    'followup_subform_section.followup_comments',
    'approval_subforms.approval_manager_comments',
    'transitions.notes',
    ...commonSensitiveFields,
  ],
  searchableFields: nameFields,
  displayField: 'case_id_display',
  identity: (id, shortId) => ({ case_id: id, case_id_display: shortId }),
  defaults: (today) => ({ status: 'open', registration_date: today }),
  derive: deriveCaseFields,
  list: {
    orderable: ['created_at', 'last_updated_at', 'registration_date', 'case_id_display', 'age'],
    filters: ['status', 'sex', 'risk_level', 'owned_by', 'module_id', 'workflow', 'id'],
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
