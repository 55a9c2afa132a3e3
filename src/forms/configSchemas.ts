import { z } from 'zod';
import { translated } from './translated';
import { rule } from '../messages/schemaMessages';

/** A lookup's or location's id within its country (also its Cosmos document id). */
export const configId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, _ . -');
const name = z
  .string()
  .trim()
  .min(1, rule('required'))
  .max(200, rule('too_long', { max: 200 }));
// A label in one language (the country's default) or per locale (`{"en": ..., "fr": ...}`).
const label = z.union([name, translated(200)]);

const lookupFields = {
  name: label,
  locked: z.boolean().optional(),
  values: z
    .array(z.object({ id: configId, display_text: label }).strict())
    .max(500)
    .refine((values) => new Set(values.map((v) => v.id)).size === values.length, 'value ids must be unique'),
};
export const lookupCreateSchema = z.object({ unique_id: configId, ...lookupFields }).strict();
export const lookupUpdateSchema = z.object(lookupFields).partial().strict();

/** Deep enough for any country's administrative levels, bounded so a walk up the tree always ends. */
export const MAX_LOCATION_DEPTH = 10;

export const locationTypes = [
  'country',
  'province',
  'region',
  'state',
  'district',
  'county',
  'sub_county',
  'sub_district',
  'ward',
  'city',
  'camp',
  'village',
] as const;
/** The type an imported level gets (admin0 is the country). */
export const levelTypes = ['country', 'region', 'district', 'sub_district', 'ward', 'village'] as const;

const locationFields = {
  name: label,
  type: z.enum(locationTypes),
  admin_level: z.int().min(0).max(MAX_LOCATION_DEPTH),
  parent_code: configId.nullable().optional(),
  disabled: z.boolean().optional(),
};
export const locationCreateSchema = z.object({ code: configId, ...locationFields }).strict();
export const locationUpdateSchema = z.object(locationFields).partial().strict();
