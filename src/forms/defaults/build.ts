import type { FieldInput, FieldType } from '../fieldSchema';
import type { FormInput, ModuleId } from '../formSchema';
import type { Translated } from '../translated';

/** English, French and, where written, Arabic (the demo's right-to-left locale). */
export type Text = readonly [en: string, fr: string, ar?: string];
export const tr = ([en, fr, ar]: Text): Translated => ({ en, fr, ...(ar ? { ar } : {}) });

export type FieldExtra = Omit<Partial<FieldInput>, 'display_name' | 'help_text'> & { help?: Text };

export function field(name: string, type: FieldType, label: Text, extra: FieldExtra = {}): FieldInput {
  const { help, ...rest } = extra;
  return { name, type, display_name: tr(label), ...(help ? { help_text: tr(help) } : {}), ...rest };
}

export const text = (name: string, label: Text, extra?: FieldExtra) =>
  field(name, 'text_field', label, extra);
export const textarea = (name: string, label: Text, extra?: FieldExtra) =>
  field(name, 'textarea', label, extra);
export const date = (name: string, label: Text, extra?: FieldExtra) =>
  field(name, 'date_field', label, extra);
export const tick = (name: string, label: Text, extra?: FieldExtra) =>
  field(name, 'tick_box', label, { protection: 'sealed_categorical', ...extra });
export const numeric = (name: string, label: Text, extra?: FieldExtra) =>
  field(name, 'numeric_field', label, extra);
/** A select box or radio button whose options come from a lookup; categorical, so lists can filter on it. */
export const lookupSelect = (name: string, label: Text, lookup: string, extra?: FieldExtra) =>
  field(name, 'select_box', label, {
    option_strings_source: `lookup ${lookup}`,
    protection: 'sealed_categorical',
    ...extra,
  });
export const options = (values: readonly (readonly [string, Text])[]) =>
  values.map(([id, label]) => ({ id, display_text: tr(label) }));
export const inlineSelect = (
  name: string,
  label: Text,
  values: readonly (readonly [string, Text])[],
  extra?: FieldExtra,
) =>
  field(name, 'select_box', label, {
    option_strings_text: options(values),
    protection: 'sealed_categorical',
    ...extra,
  });
export const subform = (name: string, label: Text, nested: string, extra?: FieldExtra) =>
  field(name, 'subform', label, { subform_section_id: nested, ...extra });
export const separator = (name: string, label: Text) =>
  field(name, 'separator', label, { protection: 'plain' });

export interface FormSpec {
  unique_id: string;
  parent_form?: FormInput['parent_form'];
  modules: ModuleId[];
  name: Text;
  description?: Text;
  group?: string;
  nested?: boolean;
  core?: boolean;
  first?: boolean;
}

/** A form section with its fields numbered in the order written. */
export function form(spec: FormSpec, order: number, fields: FieldInput[]): FormInput {
  return {
    unique_id: spec.unique_id,
    parent_form: spec.parent_form ?? 'case',
    module_ids: spec.modules,
    name: tr(spec.name),
    ...(spec.description ? { description: tr(spec.description) } : {}),
    order,
    form_group_id: spec.group ?? spec.unique_id,
    order_form_group: order,
    core_form: spec.core ?? false,
    is_nested: spec.nested ?? false,
    is_first_tab: spec.first ?? false,
    fields: fields.map((f, i) => ({ ...f, order: i })),
  };
}

/** The fields of a note (a notes subform's nested section), the same on every record type. */
export const noteFields = (): FieldInput[] => [
  text('note_subject', ['Subject', 'Objet', 'الموضوع']),
  textarea('note_text', ['Note', 'Note', 'ملاحظة']),
  date('note_date', ['Date', 'Date', 'التاريخ'], { date_include_time: true, editable: false }),
  text('note_created_by', ['Written by', 'Écrit par', 'كتبها'], { editable: false }),
];
