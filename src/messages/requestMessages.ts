/** What a request's body, headers and cursor are told when they are not what the endpoint takes, in en, fr and ar. */
export const requestMessages = {
  body_not_json: {
    en: 'The body is not valid JSON',
    fr: 'Le contenu envoyé n’est pas du JSON valide',
    ar: 'المحتوى المرسل ليس JSON صالحًا',
  },
  body_not_utf8: {
    en: 'The body is not UTF-8 text',
    fr: 'Le contenu envoyé n’est pas du texte UTF-8',
    ar: 'المحتوى المرسل ليس نصًا بترميز UTF-8',
  },
  body_empty_csv: {
    en: 'The body is an empty CSV file',
    fr: 'Le contenu envoyé est un fichier CSV vide',
    ar: 'المحتوى المرسل ملف CSV فارغ',
  },
  config_file_not_json: {
    en: 'The configuration file is not valid JSON',
    fr: 'Le fichier de configuration n’est pas du JSON valide',
    ar: 'ملف الإعدادات ليس JSON صالحًا',
  },
  content_type_one_of: {
    en: 'Content-Type must be {allowed}',
    fr: 'Content-Type doit être {allowed}',
    ar: 'يجب أن يكون Content-Type {allowed}',
  },
  if_match_empty: {
    en: 'If-Match is empty',
    fr: 'If-Match est vide',
    ar: 'If-Match فارغ',
  },
  cursor_foreign: {
    en: 'cursor is not a cursor this server gave you: start again without one',
    fr: 'cursor n’est pas un curseur donné par ce serveur : recommencez sans curseur',
    ar: 'cursor ليس مؤشرًا أعطاك إياه هذا الخادم: ابدأ من جديد بدونه',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
