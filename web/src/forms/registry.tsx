import type { JSX } from 'preact';
import { t, type FormField } from './types';

export interface WidgetProps {
  field: FormField;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}

type Widget = (props: WidgetProps) => JSX.Element;

const text: Widget = ({ id, value, onChange }) => (
  <input
    id={id}
    type="text"
    value={(value as string) ?? ''}
    onInput={(e) => onChange(e.currentTarget.value || null)}
  />
);

/**
 * Field type → widget. One entry per Primero field type the app can edit; a type missing here is shown
 * read-only rather than guessed at.
 */
export const widgets: Record<string, Widget> = {
  text_field: text,
  textarea: ({ id, value, onChange }) => (
    <textarea
      id={id}
      value={(value as string) ?? ''}
      onInput={(e) => onChange(e.currentTarget.value || null)}
    />
  ),
  numeric_field: ({ id, value, onChange }) => (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      value={value === undefined || value === null ? '' : String(value)}
      onInput={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
    />
  ),
  date_field: ({ id, value, onChange }) => (
    <input
      id={id}
      type="date"
      value={(value as string) ?? ''}
      onInput={(e) => onChange(e.currentTarget.value || null)}
    />
  ),
  select_box: ({ id, field, value, onChange }) => (
    <select id={id} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
      <option value="">—</option>
      {field.option_strings_text?.map((o) => (
        <option key={o.id} value={o.id}>
          {t(o.display_text)}
        </option>
      ))}
    </select>
  ),
  tick_box: ({ id, value, onChange }) => (
    <input
      id={id}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  ),
};

export function FieldInput(props: WidgetProps) {
  const Widget = widgets[props.field.type];
  const label = t(props.field.display_name);
  if (!Widget || props.field.editable === false) {
    return (
      <div class="field">
        <span class="label">{label}</span>
        <span>{props.value === undefined || props.value === null ? '—' : String(props.value)}</span>
      </div>
    );
  }
  return (
    <div class={props.field.type === 'tick_box' ? 'field tick' : 'field'}>
      <label for={props.id}>{label}</label>
      <Widget {...props} />
    </div>
  );
}
