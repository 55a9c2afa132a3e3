import { z } from 'zod';
import { fieldName, fieldSchema } from './fieldSchema';
import { translated } from './translated';

export const parentForms = ['case', 'incident', 'tracing_request'] as const;
export const moduleIds = ['primeromodule-cp', 'primeromodule-gbv'] as const;
export type ModuleId = (typeof moduleIds)[number];

/** A form section in Primero's shape; `unique_id` is also its `id` (stable across versions). */
export const formSchema = z
  .object({
    unique_id: fieldName,
    parent_form: z.enum(parentForms),
    module_ids: z.array(z.enum(moduleIds)).max(moduleIds.length).default([]),
    name: translated(200),
    description: translated(2000).default({}),
    help_text: translated(2000).default({}),
    order: z.int().min(0).max(10_000).default(0),
    form_group_id: fieldName.nullable().default(null),
    order_form_group: z.int().min(0).max(10_000).default(0),
    visible: z.boolean().default(true),
    editable: z.boolean().default(true),
    core_form: z.boolean().default(false),
    is_nested: z.boolean().default(false),
    is_first_tab: z.boolean().default(false),
    mobile_form: z.boolean().default(true),
    subform_append_only: z.boolean().default(false),
    subform_prevent_item_removal: z.boolean().default(false),
    initial_subforms: z.int().min(0).max(20).default(0),
    display_conditions: z.unknown().nullable().default(null),
    collapsed_field_names: z.array(fieldName).max(10).default([]),
    fields: z
      .array(fieldSchema)
      .max(500)
      .refine(
        (fields) => new Set(fields.map((f) => f.name)).size === fields.length,
        'field names must be unique',
      ),
  })
  .strict();

export type FormInput = z.input<typeof formSchema>;
export type Form = z.output<typeof formSchema>;
