import { t, type FormField, type Locales } from '../forms/types';
import { useT } from '../i18n/locale';

/**
 * A field's help from the country's forms configuration, in the user's language: the help text and the
 * guiding questions to ask, folded under a "?" so the form stays short on a phone.
 */
export function FieldHelp({ field, id, locales }: { field: FormField; id: string; locales: Locales }) {
  const say = useT();
  const help = t(field.help_text, locales);
  const questions = t(field.guiding_questions, locales);
  if (!help && !questions) return null;
  return (
    <details class="fieldhelp" id={`${id}-help`}>
      <summary>
        <span aria-hidden="true">?</span>
        <span>{say('fieldHelp.on', { field: t(field.display_name, locales) })}</span>
      </summary>
      {help && <p>{help}</p>}
      {questions && (
        <>
          <p class="label">{say('fieldHelp.questions')}</p>
          <p class="questions">{questions}</p>
        </>
      )}
    </details>
  );
}
