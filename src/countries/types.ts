import type { RecordType } from '../records/recordTypeNames';

export type CustomFieldType = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'string_list';

/** A field a country adds to a record type's form, beyond the built-in ones. */
export interface CustomField {
  name: string;
  type: CustomFieldType;
}

export interface CountrySettings {
  id: 'settings';
  type: 'country_settings';
  country_code: string;
  name: string;
  time_zone: string;
  locales: string[];
  /** The locale every translated text falls back to (the first of `locales` when unset). */
  default_locale?: string;
  /** Custom fields per record type (a type without an entry has none). */
  form_fields: Partial<Record<RecordType, CustomField[]>>;
  /** One notification per caseworker per reminders run, listing their new alerts, instead of one per alert. */
  notification_digest?: boolean;
  /** Days an approval may stay pending before the case gets an `approval` alert (default 3). */
  approval_reminder_days?: number;
}
