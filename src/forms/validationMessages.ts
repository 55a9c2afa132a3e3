/**
 * The messages of record validation, in every language we write them in. A message never repeats the
 * value sent (it may be a name typed into the wrong field); it says what the field accepts.
 */
const catalogue = {
  not_a_field: { en: 'is not a field of this form', fr: "n'est pas un champ de ce formulaire" },
  server_owned: {
    en: 'is set by the server and cannot be changed',
    fr: 'est fixé par le serveur et ne peut pas être modifié',
  },
  not_a_known_field: { en: 'is not a known field', fr: "n'est pas un champ connu" },
  text: { en: 'must be text', fr: 'doit être un texte' },
  too_long: { en: 'must be at most {max} characters', fr: 'doit faire au plus {max} caractères' },
  whole_number: { en: 'must be a whole number', fr: 'doit être un nombre entier' },
  at_least: { en: 'must be at least {min}', fr: 'doit être au moins {min}' },
  at_most: { en: 'must be at most {max}', fr: 'doit être au plus {max}' },
  boolean: { en: 'must be true or false', fr: 'doit être true ou false' },
  date: { en: 'must be a date YYYY-MM-DD', fr: 'doit être une date AAAA-MM-JJ' },
  date_time: {
    en: 'must be a date-time like 2026-01-31T09:00:00Z',
    fr: 'doit être une date et heure comme 2026-01-31T09:00:00Z',
  },
  future: { en: 'cannot be in the future', fr: 'ne peut pas être dans le futur' },
  date_range: {
    en: 'must be {"from": date, "to": date}',
    fr: 'doit être {"from": date, "to": date}',
  },
  range_order: { en: 'must not end before it starts', fr: 'ne peut pas finir avant de commencer' },
  option: { en: 'is not one of the options', fr: "n'est pas une des options" },
  options: {
    en: 'must be a list of the options (at most {max})',
    fr: 'doit être une liste des options (au plus {max})',
  },
  option_repeated: { en: 'lists an option twice', fr: 'contient deux fois la même option' },
  location: { en: 'is not a known location', fr: "n'est pas un lieu connu" },
  agency: { en: 'is not a known agency', fr: "n'est pas une agence connue" },
  user: { en: 'is not a known user of this country', fr: "n'est pas un utilisateur connu de ce pays" },
  tally: {
    en: 'must be whole numbers from 0 for {keys}',
    fr: 'doit être des nombres entiers à partir de 0 pour {keys}',
  },
  tally_total: { en: 'total must be the sum of the counts', fr: 'le total doit être la somme des comptes' },
  subform: {
    en: 'must be a list of entries (at most {max})',
    fr: "doit être une liste d'entrées (au plus {max})",
  },
  entry: { en: 'must be an object', fr: 'doit être un objet' },
  entry_id: {
    en: 'must be letters, digits and dashes (at most 64)',
    fr: 'doit être des lettres, chiffres et tirets (au plus 64)',
  },
  destroy: { en: 'must be true', fr: 'doit être true' },
  attachment: {
    en: 'files are added and removed through the attachments endpoint',
    fr: 'les fichiers sont ajoutés et retirés par le point de terminaison des pièces jointes',
  },
  no_value: { en: 'holds no value', fr: 'ne contient pas de valeur' },
  required: { en: 'is required', fr: 'est obligatoire' },
  needed_to_close: {
    en: 'must be filled in before the record is closed',
    fr: 'doit être rempli avant de clore le dossier',
  },
  computed: { en: 'is computed by the server', fr: 'est calculé par le serveur' },
  too_large: {
    en: 'must be at most {max} characters of JSON',
    fr: 'doit faire au plus {max} caractères de JSON',
  },
} as const satisfies Record<string, { en: string; fr: string }>;

export type MessageKey = keyof typeof catalogue;
export type MessageArgs = Record<string, string | number>;

/** The message in `locale` (a regional variant falls back to its language), else in English. */
export function validationMessage(key: MessageKey, args: MessageArgs | undefined, locale: string): string {
  const texts = catalogue[key] as Record<string, string> & { en: string };
  const text = texts[locale] ?? texts[locale.split('-')[0] ?? ''] ?? texts.en;
  return args ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')) : text;
}

export const messageLocales = ['en', 'fr'] as const;
