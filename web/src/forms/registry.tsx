import type { JSX } from 'preact';
import { FieldHelp } from '../screens/FieldHelp';
import { t, type FormField, type Locales } from './types';

export interface WidgetProps {
  field: FormField;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  locales: Locales;
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

/** A group of radio buttons or tick boxes, large enough to hit with a thumb; a group is labelled by its legend. */
const choices =
  (kind: 'radio' | 'checkbox'): Widget =>
  ({ id, field, value, onChange, locales }) => {
    const chosen = kind === 'checkbox' ? (Array.isArray(value) ? (value as string[]) : []) : [value];
    const pick = (option: string, on: boolean) =>
      kind === 'radio'
        ? onChange(option)
        : onChange(on ? [...chosen, option] : chosen.filter((c) => c !== option));
    return (
      <div id={id} class="choices">
        {field.option_strings_text?.map((o) => (
          <label key={o.id} class="choice">
            <input
              type={kind}
              name={id}
              value={o.id}
              checked={chosen.includes(o.id)}
              onChange={(e) => pick(o.id, e.currentTarget.checked)}
            />
            {t(o.display_text, locales)}
          </label>
        ))}
      </div>
    );
  };

/** A stored value as read-only text: lists joined, subform entries counted. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object') ? value.join(', ') : `${value.length} entries`;
  return typeof value === 'object' ? '—' : String(value);
}

const grouped = (field: FormField) =>
  field.type === 'radio_button' ||
  (field.type === 'select_box' && field.multi_select === true && !!field.option_strings_text);

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
  select_box: (props) => {
    const { id, field, value, onChange, locales } = props;
    // Sources the app cannot list yet (Location, Agency, User) stay editable as their stored code.
    if (!field.option_strings_text && field.option_strings_source) return text(props);
    if (field.multi_select) return choices('checkbox')(props);
    return (
      <select
        id={id}
        value={(value as string) ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        <option value="">—</option>
        {field.option_strings_text?.map((o) => (
          <option key={o.id} value={o.id}>
            {t(o.display_text, locales)}
          </option>
        ))}
      </select>
    );
  },
  radio_button: (props) => choices('radio')(props),
  tick_box: ({ id, value, onChange }) => (
    <input
      id={id}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.currentTarget.checked)}
    />
  ),
};

/** A field with its configured help (if any) below it. */
export const FieldInput = (props: WidgetProps) => (
  <>
    <FieldControl {...props} />
    <FieldHelp field={props.field} id={props.id} locales={props.locales} />
  </>
);

function FieldControl(props: WidgetProps) {
  const { field, locales } = props;
  const label = t(field.display_name, locales);
  if (field.type === 'separator') return <h3 class="separator">{label}</h3>;
  const Widget = widgets[field.type];
  if (!Widget || field.editable === false) {
    return (
      <div class="field">
        <span class="label">{label}</span>
        <span>{shown(props.value)}</span>
      </div>
    );
  }
  if (grouped(field)) {
    return (
      <fieldset class="field group">
        <legend>{label}</legend>
        <Widget {...props} />
      </fieldset>
    );
  }
  return (
    <div class={field.type === 'tick_box' ? 'field tick' : 'field'}>
      <label for={props.id}>{label}</label>
      <Widget {...props} />
    </div>
  );
}
