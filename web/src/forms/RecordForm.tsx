import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/locale';
import { conditionHolds } from './conditions';
import { FieldInput } from './registry';
import { nestedSection, type FormSet } from './serverForms';
import { SubformField } from './SubformField';
import type { Entry } from './subformChanges';
import type { Place } from '../route';
import { t, type FormField, type FormSection, type Locales } from './types';
import { isUploadBox } from './uploadBoxes';
import { useWideScreen } from './useWideScreen';
import { focusUnlessMoved, whenDrawn } from './whenDrawn';

export interface RecordFormProps {
  forms: FormSet;
  sections: FormSection[];
  value: (field: string) => unknown;
  onChange: (field: string, value: unknown) => void;
  locales: Locales;
  /** Server messages by field path (422 `detail`). */
  errors: Record<string, string>;
  /** The place to open and scroll to: its section opens (a subform entry opens for editing too). */
  at?: Place;
}

const fieldOf = (path: string) => path.split(/[.[]/)[0] ?? path;

/** The fields a section shows now: visible, and their display conditions hold for the record as edited. */
const shownFields = (section: FormSection, value: (f: string) => unknown) =>
  section.fields
    .filter((f) => f.visible !== false)
    .filter((f) => conditionHolds(f.display_conditions_record, value));

/**
 * The record's sections: tabs on a wide screen, an accordion on a phone (several may be open). A section
 * holding a server message opens by itself, and its name says how many fields need fixing.
 */
export function RecordForm(props: RecordFormProps) {
  const { sections, errors, locales } = props;
  const wide = useWideScreen();
  const msg = useT();
  const first = sections.find((s) => s.is_first_tab) ?? sections[0];
  const [current, setCurrent] = useState(first?.unique_id);
  const [expanded, setExpanded] = useState<Set<string>>(new Set(first ? [first.unique_id] : []));
  const errorCount = (section: FormSection) =>
    Object.keys(errors).filter((p) => section.fields.some((f) => f.name === fieldOf(p))).length;

  useEffect(() => {
    const faulty = sections.filter((s) => errorCount(s) > 0);
    if (!faulty.length) return;
    setCurrent(faulty[0]?.unique_id);
    setExpanded((open) => new Set([...open, ...faulty.map((s) => s.unique_id)]));
  }, [errors]);

  // Opened at a place (a task, an alert): its section opens, and the place scrolls into view.
  const target = props.at && (props.at.section ?? props.at.field);
  // Once per place: the sections change on every render, and the user's own scrolling and typing must not
  // be pulled back to it afterwards. Waiting for the sections covers a case whose forms arrive late.
  const reached = useRef<string | undefined>(undefined);
  useEffect(() => {
    const at = props.at;
    if (!at || !target) {
      reached.current = undefined;
      return;
    }
    const section = sections.find(
      (s) => s.unique_id === at.section || s.fields.some((f) => f.name === at.field),
    );
    const place = `${target} ${at.entry ?? ''}`;
    if (!section || reached.current === place) return;
    reached.current = place;
    setCurrent(section.unique_id);
    setExpanded((open) => new Set([...open, section.unique_id]));
    const id = at.entry
      ? `entry-${at.field}-${at.entry}`
      : at.field
        ? `field-${at.field}`
        : `panel-${section.unique_id}`;
    // No clean-up: the next render re-runs this effect and must not cancel the search it does not restart.
    const before = document.activeElement;
    whenDrawn(
      () => document.getElementById(id),
      (exact) => {
        const element = exact ?? document.getElementById(`panel-${section.unique_id}`);
        element?.scrollIntoView({ block: 'start' });
        focusUnlessMoved(element?.querySelector<HTMLElement>('input, select, textarea'), before);
      },
    );
  }, [target, props.at?.entry, sections]);

  const name = (section: FormSection) => {
    const count = errorCount(section);
    return (
      <>
        {t(section.name, locales)}
        {count > 0 && <span class="badge overdue"> · {msg('form.toFix', { n: count })}</span>}
      </>
    );
  };
  const body = (section: FormSection) =>
    shownFields(section, props.value).map((field) => (
      <Field key={field.name} field={field} section={section} {...props} />
    ));

  if (wide) {
    const selected = sections.find((s) => s.unique_id === current) ?? first;
    return (
      <div class="tabs">
        <div role="tablist" aria-label={msg('form.sections')} class="tablist">
          {sections.map((s) => (
            <button
              key={s.unique_id}
              type="button"
              role="tab"
              id={`tab-${s.unique_id}`}
              aria-selected={s === selected}
              aria-controls={`panel-${s.unique_id}`}
              tabIndex={s === selected ? 0 : -1}
              onClick={() => setCurrent(s.unique_id)}
              onKeyDown={(e) => {
                const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
                if (!step) return;
                const rtl = document.documentElement.dir === 'rtl' ? -1 : 1;
                const i = (sections.indexOf(s) + step * rtl + sections.length) % sections.length;
                const next = sections[i];
                if (!next) return;
                setCurrent(next.unique_id);
                document.getElementById(`tab-${next.unique_id}`)?.focus();
              }}
            >
              {name(s)}
            </button>
          ))}
        </div>
        {selected && (
          <div
            role="tabpanel"
            id={`panel-${selected.unique_id}`}
            aria-labelledby={`tab-${selected.unique_id}`}
            class="panel"
          >
            {body(selected)}
          </div>
        )}
      </div>
    );
  }
  return (
    <div class="accordion">
      {sections.map((s) => {
        const open = expanded.has(s.unique_id);
        const toggle = () => {
          const next = new Set(expanded);
          if (open) next.delete(s.unique_id);
          else next.add(s.unique_id);
          setExpanded(next);
        };
        return (
          <section key={s.unique_id} class="accordion-item">
            <h2>
              <button
                type="button"
                id={`acc-${s.unique_id}`}
                aria-expanded={open}
                aria-controls={`panel-${s.unique_id}`}
                onClick={toggle}
              >
                {name(s)}
                <span class="sign" aria-hidden="true">
                  {open ? '−' : '+'}
                </span>
              </button>
            </h2>
            {open && (
              <div
                role="region"
                id={`panel-${s.unique_id}`}
                aria-labelledby={`acc-${s.unique_id}`}
                class="panel"
              >
                {body(s)}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Field(props: RecordFormProps & { field: FormField; section: FormSection }) {
  const { field, section, forms, locales, errors } = props;
  const readOnly = section.editable === false;
  // Files are added and opened in the files card below the form: the form points there.
  if (isUploadBox(field))
    return <FilesPointer field={field} files={props.value(field.name)} locales={locales} />;
  if (field.type === 'subform') {
    const nested = nestedSection(forms, field.subform_section_id);
    const value = props.value(field.name);
    if (nested)
      return (
        <SubformField
          field={field}
          section={nested}
          entries={Array.isArray(value) ? (value as Entry[]) : []}
          onChange={(entries) => props.onChange(field.name, entries)}
          locales={locales}
          locations={forms.locations}
          readOnly={readOnly || field.editable === false}
          errors={errors}
          openEntry={props.at?.field === field.name ? props.at.entry : undefined}
        />
      );
  }
  return (
    <FieldInput
      id={`field-${field.name}`}
      field={field}
      locales={locales}
      locations={forms.locations}
      readOnly={readOnly}
      value={props.value(field.name)}
      error={errors[field.name]}
      onChange={(v) => props.onChange(field.name, v)}
    />
  );
}

function FilesPointer({ field, files, locales }: { field: FormField; files: unknown; locales: Locales }) {
  const msg = useT();
  const go = () => {
    const box = document.getElementById(`box-${field.name}`);
    box?.scrollIntoView({ block: 'start' });
    box?.querySelector<HTMLElement>('input, button')?.focus({ preventScroll: true });
  };
  const label = t(field.display_name, locales);
  const text = msg('form.files', { n: Array.isArray(files) ? files.length : 0 });
  // Named by the box's label, then its visible words: a screen reader's list of buttons would otherwise
  // hold several alike.
  return (
    <div class="field">
      <span class="label">{label}</span>
      <button type="button" class="link" aria-label={`${label} ${text}`} onClick={go}>
        {text}
      </button>
    </div>
  );
}
