import { useEffect, useState } from 'preact/hooks';
import type { LocationNode } from '../api';
import { useT } from '../i18n/locale';
import { conditionHolds } from './conditions';
import { FieldInput } from './registry';
import type { Entry } from './subformChanges';
import { t, type FormField, type FormSection, type Locales } from './types';
import { valueText } from './values';

export interface SubformProps {
  field: FormField;
  section: FormSection;
  entries: Entry[];
  onChange: (entries: Entry[]) => void;
  locales: Locales;
  locations: LocationNode[];
  readOnly: boolean;
  /** Server messages by path, e.g. `family_details_section[0].relation_age`. */
  errors: Record<string, string>;
  /** The `unique_id` of an entry to open for editing (the case was opened at it, from a task). */
  openEntry?: string;
}

const SUMMARY_CHARS = 60;

/** An entry in one line: its collapsed fields when configured, else its first two filled-in values. */
function summary(entry: Entry, section: FormSection, locales: Locales, locations: LocationNode[]): string {
  const names = section.collapsed_field_names?.length
    ? section.collapsed_field_names
    : section.fields.map((f) => f.name);
  const parts = names
    .map((n) => {
      const v = entry[n];
      if (typeof v !== 'string' && typeof v !== 'number') return undefined;
      // One line: a long narrative is cut, its whole text is in the entry.
      const text = valueText(
        section.fields.find((f) => f.name === n),
        v,
        locales,
        locations,
      );
      return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
    })
    .filter(Boolean);
  return parts.slice(0, 2).join(' · ');
}

/**
 * A subform: its entries listed, each opened in place to edit; add and remove unless the form says the
 * list is append-only or its entries may not be removed. Entries keep their `unique_id`, so the server
 * merges each one on its own.
 */
export function SubformField(props: SubformProps) {
  const { field, section, entries, locales } = props;
  const msg = useT();
  const [open, setOpen] = useState<number>();
  useEffect(() => {
    const index = entries.findIndex((e) => props.openEntry && e.unique_id === props.openEntry);
    if (index >= 0) setOpen(index);
  }, [props.openEntry]);
  const name = t(section.name, locales) || t(field.display_name, locales);
  const title = t(field.display_name, locales);
  const headingId = `subform-${field.name}`;
  const canEdit = (entry: Entry) => !props.readOnly && (!section.subform_append_only || !entry.unique_id);
  const canRemove = (entry: Entry) =>
    !props.readOnly && (!section.subform_prevent_item_removal || !entry.unique_id);
  const remove = (index: number) => {
    setOpen(undefined);
    props.onChange(entries.filter((_, i) => i !== index));
  };
  const update = (index: number, changes: Entry) =>
    props.onChange(entries.map((e, i) => (i === index ? { ...e, ...changes } : e)));

  return (
    <section class="subform" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {entries.length === 0 && <p class="muted">{msg('subform.none')}</p>}
      <ol class="entries">
        {entries.map((entry, index) => {
          const label = `${name} ${index + 1}`;
          const errorsHere = Object.keys(props.errors).some((p) => p.startsWith(`${field.name}[${index}]`));
          if (open === index || errorsHere)
            return (
              <li
                key={index}
                id={entry.unique_id ? `entry-${field.name}-${String(entry.unique_id)}` : undefined}
              >
                <fieldset class="entry">
                  <legend>{label}</legend>
                  {section.fields
                    .filter((f) => f.visible !== false)
                    .filter((f) => conditionHolds(f.display_conditions_record, (n) => entry[n]))
                    .map((f) => (
                      <FieldInput
                        key={f.name}
                        id={`field-${field.name}-${index}-${f.name}`}
                        field={f}
                        locales={locales}
                        locations={props.locations}
                        readOnly={!canEdit(entry)}
                        value={entry[f.name]}
                        error={props.errors[`${field.name}[${index}].${f.name}`]}
                        onChange={(v) => update(index, { [f.name]: v })}
                      />
                    ))}
                  <div class="inline">
                    <button type="button" onClick={() => setOpen(undefined)}>
                      {msg('subform.done', { entry: label })}
                    </button>
                    {canRemove(entry) && (
                      <button type="button" class="secondary" onClick={() => remove(index)}>
                        {msg('subform.removeEntry', { entry: label })}
                      </button>
                    )}
                  </div>
                </fieldset>
              </li>
            );
          return (
            <li key={index} class="entry-row">
              <span>{summary(entry, section, locales, props.locations) || label}</span>
              <span class="actions">
                <button type="button" class="link" onClick={() => setOpen(index)}>
                  {msg(canEdit(entry) ? 'subform.edit' : 'subform.view')}
                  <span class="visually-hidden"> {label}</span>
                </button>
                {canRemove(entry) && (
                  <button type="button" class="link" onClick={() => remove(index)}>
                    {msg('subform.remove')}
                    <span class="visually-hidden"> {label}</span>
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {!props.readOnly && (
        <button
          type="button"
          onClick={() => {
            props.onChange([...entries, {}]);
            setOpen(entries.length);
          }}
        >
          {msg('subform.add', { name })}
        </button>
      )}
    </section>
  );
}
