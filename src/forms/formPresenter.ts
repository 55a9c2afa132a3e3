import type { Field } from './fieldSchema';
import type { Form } from './formSchema';
import { presentTranslated, type Translated } from './translated';

type Options = Field['option_strings_text'];
const presentOptions = (options: Options, locales: readonly string[]) =>
  options?.map((o) => ({ id: o.id, display_text: presentTranslated(o.display_text, locales) })) ?? null;

/** A field in Primero's shape, every translated text with exactly the country's locales. */
export function presentField(field: Field, locales: readonly string[]) {
  const text = (value: Translated) => presentTranslated(value, locales);
  return {
    ...field,
    display_name: text(field.display_name),
    help_text: text(field.help_text),
    guiding_questions: text(field.guiding_questions),
    tick_box_label: text(field.tick_box_label),
    option_strings_text: presentOptions(field.option_strings_text, locales),
    tally: field.tally && presentTranslatedLists(field.tally, locales),
  };
}

const presentTranslatedLists = (lists: Record<string, string[]>, locales: readonly string[]) =>
  Object.fromEntries(locales.map((locale) => [locale, lists[locale] ?? []]));

/** A form section in Primero's shape; `id` is the stable `unique_id`. */
export function presentForm(form: Form, locales: readonly string[]) {
  return {
    id: form.unique_id,
    ...form,
    name: presentTranslated(form.name, locales),
    description: presentTranslated(form.description, locales),
    help_text: presentTranslated(form.help_text, locales),
    fields: form.fields.map((field) => presentField(field, locales)),
  };
}
