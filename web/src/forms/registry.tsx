import type { JSX } from 'preact';
import type { LocationNode } from '../api';
import { formatDate, instantOfLocalInput, localInputOf } from './dates';
import { LocationPicker, locationLabel } from './LocationPicker';
import { useT } from '../i18n/locale';
import { FieldHelp } from '../screens/FieldHelp';
import { t, type FormField, type Locales } from './types';

export interface WidgetProps {
  field: FormField;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  locales: Locales;
  /** The server's message for this field (a 422 entry whose `detail` is its path). */
  error?: string;
  /** The section is read-only as a whole. */
  readOnly?: boolean;
  locations?: LocationNode[];
}

type Widget = (props: WidgetProps & { a11y: Record<string, string | undefined> }) => JSX.Element;

const text: Widget = ({ id, value, onChange, a11y }) => (
  <input
    id={id}
    type="text"
    value={(value as string) ?? ''}
    onInput={(e) => onChange(e.currentTarget.value || null)}
    {...a11y}
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

/** A stored value as read-only text: options by their label, dates in the user's locale, lists joined. */
function shown(props: WidgetProps): string {
  const { value, field, locales } = props;
  if (value === undefined || value === null || value === '') return '—';
  const label = (v: unknown) => {
    const option = field.option_strings_text?.find((o) => o.id === v);
    if (option) return t(option.display_text, locales);
    if (field.option_strings_source === 'Location') return locationLabel(v, props.locations ?? [], locales);
    if (field.type === 'date_field' && typeof v === 'string')
      return formatDate(v, locales.locale, field.date_include_time);
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    return String(v);
  };
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object')
      ? value.map(label).join(', ')
      : `${value.length} entries`;
  return typeof value === 'object' ? '—' : label(value);
}

const grouped = (field: FormField) =>
  field.type === 'radio_button' ||
  (field.type === 'select_box' && field.multi_select === true && !!field.option_strings_text);

const isLocation = (field: FormField) =>
  field.option_strings_source === 'Location' || field.option_strings_source === 'ReportingLocation';

/**
 * Field type → widget. One entry per Primero field type the app can edit; a type missing here is shown
 * read-only rather than guessed at (subforms have their own component, SubformField).
 */
export const widgets: Record<string, Widget> = {
  text_field: text,
  textarea: ({ id, value, onChange, a11y }) => (
    <textarea
      id={id}
      value={(value as string) ?? ''}
      onInput={(e) => onChange(e.currentTarget.value || null)}
      {...a11y}
    />
  ),
  numeric_field: ({ id, value, onChange, a11y }) => (
    <input
      id={id}
      type="number"
      inputMode="numeric"
      value={value === undefined || value === null ? '' : String(value)}
      onInput={(e) => onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
      {...a11y}
    />
  ),
  // The browser's date input writes YYYY-MM-DD but shows it in the browser's own language and order
  // (12/03/2026 may be read either way): the date follows in the user's language, as the record shows it.
  date_field: ({ id, value, onChange, a11y, field, locales }) => {
    const withTime = field.date_include_time === true;
    const shown = typeof value !== 'string' ? '' : withTime ? localInputOf(value) : value.slice(0, 10);
    const formatted = shown ? formatDate(shown, locales.locale, field.date_include_time) : '';
    const words = formatted !== shown ? formatted : '';
    const described = [a11y['aria-describedby'], words && `${id}-in-words`].filter(Boolean).join(' ');
    return (
      <>
        <input
          id={id}
          type={field.date_include_time ? 'datetime-local' : 'date'}
          value={shown}
          onInput={(e) =>
            onChange(withTime ? instantOfLocalInput(e.currentTarget.value) : e.currentTarget.value || null)
          }
          {...a11y}
          aria-describedby={described || undefined}
        />
        {words && (
          <span class="date-in-words" id={`${id}-in-words`}>
            {words}
          </span>
        )}
      </>
    );
  },
  select_box: (props) => {
    const { id, field, value, onChange, locales, a11y } = props;
    if (isLocation(field))
      return (
        <LocationPicker
          id={id}
          value={value}
          onChange={onChange}
          locations={props.locations ?? []}
          locales={locales}
          a11y={a11y}
        />
      );
    // Sources the app cannot list yet (Agency, User) stay editable as their stored code.
    if (!field.option_strings_text && field.option_strings_source) return text(props);
    if (field.multi_select) return choices('checkbox')(props);
    return (
      <select
        id={id}
        value={(value as string) ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
        {...a11y}
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
  tick_box: ({ id, value, onChange, a11y }) => (
    <input
      id={id}
      type="checkbox"
      checked={value === true}
      onChange={(e) => onChange(e.currentTarget.checked)}
      {...a11y}
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

/** `*` for required; "needed to close" for mandatory for completion; both explained at the top of the form. */
function Marks({ field }: { field: FormField }) {
  const msg = useT();
  return (
    <>
      {field.required && (
        <span class="mark">
          {' '}
          *<span class="visually-hidden">{msg('case.requiredMark')}</span>
        </span>
      )}
      {field.mandatory_for_completion && <span class="mark completion"> {msg('case.neededToClose')}</span>}
    </>
  );
}

function FieldControl(props: WidgetProps) {
  const { field, locales, error } = props;
  const label = t(field.display_name, locales);
  if (field.type === 'separator') return <h3 class="separator">{label}</h3>;
  const Widget = widgets[field.type];
  const errorId = `${props.id}-error`;
  const message = error && (
    <p id={errorId} class="field-error">
      {error}
    </p>
  );
  if (!Widget || field.editable === false || field.disabled === true || props.readOnly) {
    return (
      <div class="field">
        <span class="label" id={`${props.id}-label`}>
          {label}
          <Marks field={field} />
        </span>
        <span class="readonly" aria-labelledby={`${props.id}-label`}>
          {shown(props)}
        </span>
        {message}
      </div>
    );
  }
  const a11y = {
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-required': field.required ? 'true' : undefined,
  };
  if (grouped(field)) {
    return (
      <fieldset class="field group" aria-describedby={a11y['aria-describedby']}>
        <legend>
          {label}
          <Marks field={field} />
        </legend>
        <Widget {...props} a11y={a11y} />
        {message}
      </fieldset>
    );
  }
  return (
    <div class={field.type === 'tick_box' ? 'field tick' : 'field'}>
      <label for={props.id}>
        {label}
        <Marks field={field} />
      </label>
      <Widget {...props} a11y={a11y} />
      {message}
    </div>
  );
}
