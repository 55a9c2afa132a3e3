import { z } from 'zod';
import { dateString, longText, shortText } from '../records/fieldTypes';
import type { CustomField, CustomFieldType } from './types';
import { rule } from '../messages/schemaMessages';

const byType: Record<CustomFieldType, z.ZodType> = {
  string: shortText,
  text: longText,
  number: z.number({ error: rule('number') }),
  boolean: z.boolean({ error: rule('boolean') }),
  date: dateString,
  string_list: z.array(shortText).max(100),
};

export function customFieldSchema(field: CustomField): z.ZodType {
  return byType[field.type].nullable();
}
