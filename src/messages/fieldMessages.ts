/**
 * What a record's fields accept, in every language the web app offers (en, fr, ar). Every text is said of
 * a field (the client shows it at the field); none repeats the value sent.
 */
export const fieldMessages = {
  not_a_field: {
    en: 'is not a field of this form',
    fr: "n'est pas un champ de ce formulaire",
    ar: 'ليس حقلاً في هذا النموذج',
  },
  server_owned: {
    en: 'is set by the server and cannot be changed',
    fr: 'est fixé par le serveur et ne peut pas être modifié',
    ar: 'يحدده الخادم ولا يمكن تغييره',
  },
  not_a_known_field: { en: 'is not a known field', fr: "n'est pas un champ connu", ar: 'ليس حقلاً معروفًا' },
  text: { en: 'must be text', fr: 'doit être un texte', ar: 'يجب أن يكون نصًا' },
  too_long: {
    en: 'must be at most {max} characters',
    fr: 'doit faire au plus {max} caractères',
    ar: 'يجب ألا يتجاوز {max} حرفًا',
  },
  too_short: {
    en: 'must be at least {min} characters',
    fr: 'doit faire au moins {min} caractères',
    ar: 'يجب ألا يقل عن {min} حرفًا',
  },
  whole_number: {
    en: 'must be a whole number',
    fr: 'doit être un nombre entier',
    ar: 'يجب أن يكون عددًا صحيحًا',
  },
  number: { en: 'must be a number', fr: 'doit être un nombre', ar: 'يجب أن يكون رقمًا' },
  at_least: { en: 'must be at least {min}', fr: 'doit être au moins {min}', ar: 'يجب ألا يقل عن {min}' },
  at_most: { en: 'must be at most {max}', fr: 'doit être au plus {max}', ar: 'يجب ألا يزيد عن {max}' },
  boolean: { en: 'must be true or false', fr: 'doit être true ou false', ar: 'يجب أن يكون true أو false' },
  date: {
    en: 'must be a date YYYY-MM-DD',
    fr: 'doit être une date AAAA-MM-JJ',
    ar: 'يجب أن يكون تاريخًا YYYY-MM-DD',
  },
  date_time: {
    en: 'must be a date-time like 2026-01-31T09:00:00Z',
    fr: 'doit être une date et heure comme 2026-01-31T09:00:00Z',
    ar: 'يجب أن يكون تاريخًا ووقتًا مثل 2026-01-31T09:00:00Z',
  },
  future: {
    en: 'cannot be in the future',
    fr: 'ne peut pas être dans le futur',
    ar: 'لا يمكن أن يكون في المستقبل',
  },
  year_out_of_range: {
    en: 'must be a date from {from} to {to}',
    fr: 'doit être une date de {from} à {to}',
    ar: 'يجب أن يكون تاريخًا من {from} إلى {to}',
  },
  too_long_ago: {
    en: 'cannot be more than {max} years ago',
    fr: 'ne peut pas remonter à plus de {max} ans',
    ar: 'لا يمكن أن يكون قبل أكثر من {max} سنة',
  },
  date_range: {
    en: 'must be {"from": date, "to": date}',
    fr: 'doit être {"from": date, "to": date}',
    ar: 'يجب أن يكون {"from": date, "to": date}',
  },
  range_order: {
    en: 'must not end before it starts',
    fr: 'ne peut pas finir avant de commencer',
    ar: 'لا يمكن أن ينتهي قبل أن يبدأ',
  },
  option: { en: 'is not one of the options', fr: "n'est pas une des options", ar: 'ليس أحد الخيارات' },
  options: {
    en: 'must be a list of the options (at most {max})',
    fr: 'doit être une liste des options (au plus {max})',
    ar: 'يجب أن يكون قائمة من الخيارات (بحد أقصى {max})',
  },
  option_repeated: {
    en: 'lists an option twice',
    fr: 'contient deux fois la même option',
    ar: 'يذكر خيارًا مرتين',
  },
  list: { en: 'must be a list', fr: 'doit être une liste', ar: 'يجب أن يكون قائمة' },
  too_many: {
    en: 'must list at most {max}',
    fr: 'doit en contenir au plus {max}',
    ar: 'يجب ألا تتجاوز القائمة {max}',
  },
  too_few: {
    en: 'must list at least {min}',
    fr: 'doit en contenir au moins {min}',
    ar: 'يجب ألا تقل القائمة عن {min}',
  },
  location: { en: 'is not a known location', fr: "n'est pas un lieu connu", ar: 'ليس موقعًا معروفًا' },
  agency: { en: 'is not a known agency', fr: "n'est pas une agence connue", ar: 'ليست جهة معروفة' },
  user: {
    en: 'is not a known user of this country',
    fr: "n'est pas un utilisateur connu de ce pays",
    ar: 'ليس مستخدمًا معروفًا في هذا البلد',
  },
  tally: {
    en: 'must be whole numbers from 0 for {keys}',
    fr: 'doit être des nombres entiers à partir de 0 pour {keys}',
    ar: 'يجب أن تكون أعدادًا صحيحة من 0 لـ {keys}',
  },
  tally_total: {
    en: 'total must be the sum of the counts',
    fr: 'le total doit être la somme des comptes',
    ar: 'يجب أن يكون المجموع حاصل جمع الأعداد',
  },
  subform: {
    en: 'must be a list of entries (at most {max})',
    fr: "doit être une liste d'entrées (au plus {max})",
    ar: 'يجب أن يكون قائمة من الإدخالات (بحد أقصى {max})',
  },
  entry: { en: 'must be an object', fr: 'doit être un objet', ar: 'يجب أن يكون كائنًا' },
  entry_twice: {
    en: 'names an entry already given in this list',
    fr: 'désigne une entrée déjà donnée dans cette liste',
    ar: 'يشير إلى إدخال مذكور بالفعل في هذه القائمة',
  },
  entry_id: {
    en: 'must be letters, digits and dashes (at most 64)',
    fr: 'doit être des lettres, chiffres et tirets (au plus 64)',
    ar: 'يجب أن يتكون من أحرف وأرقام وشرطات (بحد أقصى 64)',
  },
  uuid: { en: 'must be a UUID', fr: 'doit être un UUID', ar: 'يجب أن يكون UUID' },
  destroy: { en: 'must be true', fr: 'doit être true', ar: 'يجب أن يكون true' },
  destroy_needs_id: {
    en: 'is required to remove an entry',
    fr: 'est obligatoire pour retirer une entrée',
    ar: 'مطلوب لحذف إدخال',
  },
  attachment: {
    en: 'files are added and removed through the attachments endpoint',
    fr: 'les fichiers sont ajoutés et retirés par le point de terminaison des pièces jointes',
    ar: 'تضاف الملفات وتحذف عبر نقطة نهاية المرفقات',
  },
  no_value: { en: 'holds no value', fr: 'ne contient pas de valeur', ar: 'لا يحمل قيمة' },
  required: { en: 'is required', fr: 'est obligatoire', ar: 'مطلوب' },
  note_text: {
    en: 'is required for a new note',
    fr: 'est obligatoire pour une nouvelle note',
    ar: 'مطلوب لملاحظة جديدة',
  },
  needed_to_close: {
    en: 'must be filled in before the record is closed',
    fr: 'doit être rempli avant de clore le dossier',
    ar: 'يجب تعبئته قبل إغلاق السجل',
  },
  computed: { en: 'is computed by the server', fr: 'est calculé par le serveur', ar: 'يحسبه الخادم' },
  too_large: {
    en: 'must be at most {max} characters of JSON',
    fr: 'doit faire au plus {max} caractères de JSON',
    ar: 'يجب ألا يتجاوز {max} حرفًا من JSON',
  },
  form_not_editable: {
    en: 'is on a form your role may not edit',
    fr: 'est dans un formulaire que votre rôle ne peut pas modifier',
    ar: 'موجود في نموذج لا يسمح دورك بتعديله',
  },
  form_not_readable: {
    en: 'is on a form your role may not read',
    fr: 'est dans un formulaire que votre rôle ne peut pas lire',
    ar: 'موجود في نموذج لا يسمح دورك بقراءته',
  },
  not_your_module: {
    en: 'is not a module your role works in',
    fr: "n'est pas un module de votre rôle",
    ar: 'ليست وحدة يعمل بها دورك',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
