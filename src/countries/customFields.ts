import { z } from 'zod';
import { dateString, longText, shortText } from '../records/fieldTypes';
import type { CustomField, CustomFieldType } from './types';

const byType: Record<CustomFieldType, z.ZodType> = {
  string: shortText,
  text: longText,
  number: z.number({ error: 'must be a number' }),
  boolean: z.boolean({ error: 'must be true or false' }),
  date: dateString,
  string_list: z.array(shortText).max(100),
};

export function customFieldSchema(field: CustomField): z.ZodType {
  return byType[field.type].nullable();
}
