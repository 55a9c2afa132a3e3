import { z } from 'zod';
import { protectionClasses } from '../crypto/protectionClass';
import { fieldRoleNames } from './fieldRoleCatalogue';
import { fieldTypes, type FieldType } from './fieldTypeList';
import { translated } from './translated';

export { fieldTypes, type FieldType } from './fieldTypeList';

// A field's class at rest (crypto/protectionClass.ts says what each means); sealed unless the configuration says otherwise.
export { protectionClasses, type ProtectionClass } from '../crypto/protectionClass';

export const fieldName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be 1-64 lowercase letters, digits, _ (starting with a letter)');
export const optionId = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, _ . -');

export const optionSchema = z.object({ id: optionId, display_text: translated(200) }).strict();
export const optionList = z
  .array(optionSchema)
  .max(500)
  .refine((values) => new Set(values.map((v) => v.id)).size === values.length, 'option ids must be unique');

/** `lookup lookup-<name>`, or one of the lists the server builds (locations, agencies, users). */
export const optionSource = z
  .string()
  .regex(
    /^(lookup lookup-[a-z0-9_-]{1,90}|Location|ReportingLocation|Agency|User)$/,
    'must be "lookup lookup-<name>", Location, ReportingLocation, Agency or User',
  );

type Condition =
  | { eq: Record<string, string | number | boolean> }
  | { in: Record<string, (string | number)[]> }
  | { not: Condition }
  | { and: Condition[] }
  | { or: Condition[] };
const scalar = z.union([z.string().max(100), z.number(), z.boolean()]);
/** Show a field only when other fields of the record hold given values (Primero's display conditions). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ eq: z.record(fieldName, scalar) }).strict(),
    z
      .object({ in: z.record(fieldName, z.array(z.union([z.string().max(100), z.number()])).max(100)) })
      .strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ and: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ or: z.array(conditionSchema).min(1).max(20) }).strict(),
  ]),
);

/** The record fields a condition reads. */
export function conditionFields(condition: Condition): string[] {
  if ('eq' in condition) return Object.keys(condition.eq);
  if ('in' in condition) return Object.keys(condition.in);
  if ('not' in condition) return conditionFields(condition.not);
  return ('and' in condition ? condition.and : condition.or).flatMap(conditionFields);
}

const withOptions = new Set<FieldType>(['radio_button', 'select_box']);
// Few distinct values: a blind index per value lets lists filter without revealing free text.
const categorical = new Set<FieldType>(['tick_box', 'numeric_field']);

export const fieldSchema = z
  .object({
    name: fieldName,
    type: z.enum(fieldTypes),
    display_name: translated(200),
    help_text: translated(1000).default({}),
    guiding_questions: translated(2000).default({}),
    tick_box_label: translated(200).default({}),
    order: z.int().min(0).max(10_000).default(0),
    visible: z.boolean().default(true),
    editable: z.boolean().default(true),
    disabled: z.boolean().default(false),
    required: z.boolean().default(false),
    mandatory_for_completion: z.boolean().default(false),
    hide_on_view_page: z.boolean().default(false),
    show_on_minify_form: z.boolean().default(false),
    mobile_visible: z.boolean().default(true),
    multi_select: z.boolean().default(false),
    option_strings_source: optionSource.nullable().default(null),
    option_strings_text: optionList.nullable().default(null),
    date_include_time: z.boolean().default(false),
    date_validation: z
      .enum(['default_date_validation', 'not_future_date'])
      .default('default_date_validation'),
    subform_section_id: fieldName.nullable().default(null),
    collapsed_field_for_subform_section_id: fieldName.nullable().default(null),
    tally: z
      .record(z.string(), z.array(z.string().max(100)).max(50))
      .nullable()
      .default(null),
    matchable: z.boolean().default(false),
    phone_number: z.boolean().default(false),
    display_conditions_record: conditionSchema.nullable().default(null),
    selected_value: z.string().max(200).nullable().default(null),
    // Bounds Primero leaves to custom code; here they are data, checked on every write.
    min_value: z.number().nullable().default(null),
    max_value: z.number().nullable().default(null),
    max_length: z.int().min(1).max(100_000).nullable().default(null),
    // Ours: how the value is kept at rest, and what a list can do with it.
    protection: z.enum(protectionClasses).default('sealed'),
    filterable: z.boolean().default(false),
    sortable: z.boolean().default(false),
    listable: z.boolean().default(false),
    // Ours: what the built-in behaviours read this field as (forms/fieldRoles.ts), whatever its name. Left
    // out, the field plays the role its name played before roles existed (a configuration file exported
    // then keeps its reminders); null: no role at all.
    role: z.enum(fieldRoleNames).nullable().optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const hasOptions = field.option_strings_text !== null || field.option_strings_source !== null;
    if (withOptions.has(field.type) && !hasOptions)
      issue('option_strings_text', 'a select box or radio button needs options or an option source');
    if (field.option_strings_text !== null && field.option_strings_source !== null)
      issue('option_strings_source', 'options are inline or from a source, not both');
    if (field.type === 'subform' && field.subform_section_id === null)
      issue('subform_section_id', 'a subform names its nested section');
    if (field.type !== 'subform' && field.subform_section_id !== null)
      issue('subform_section_id', 'only a subform has a nested section');
    if (field.multi_select && field.type !== 'select_box')
      issue('multi_select', 'only a select box is multi-select');
    if ((field.min_value !== null || field.max_value !== null) && field.type !== 'numeric_field')
      issue('min_value', 'only a numeric field has bounds');
    if (field.min_value !== null && field.max_value !== null && field.min_value > field.max_value)
      issue('max_value', 'must not be below min_value');
    if (field.max_length !== null && field.type !== 'text_field' && field.type !== 'textarea')
      issue('max_length', 'only a text field has a length');
    if (field.protection === 'sealed_categorical' && !hasOptions && !categorical.has(field.type))
      issue('protection', 'sealed_categorical is for fields with options, tick boxes and numbers');
  });

export type FieldInput = z.input<typeof fieldSchema>;
export type Field = z.output<typeof fieldSchema>;
