/**
 * What a list's query parameters are told, in en, fr and ar. `{name}` is a parameter's name, `{field}` a
 * field's, `{max}`, `{allowed}` and `{example}` what the server accepts; the values sent are never repeated.
 */
export const queryMessages = {
  query_too_many_values: {
    en: '{name} takes at most {max} values',
    fr: '{name} accepte au plus {max} valeurs',
    ar: 'يقبل {name} {max} قيمة على الأكثر',
  },
  query_whole_number: {
    en: '{name} must be a whole number from 1 to {max}',
    fr: '{name} doit être un nombre entier de 1 à {max}',
    ar: 'يجب أن يكون {name} عددًا صحيحًا من 1 إلى {max}',
  },
  query_positive_number: {
    en: '{name} must be a whole number, 1 or more',
    fr: '{name} doit être un nombre entier, 1 ou plus',
    ar: 'يجب أن يكون {name} عددًا صحيحًا، 1 أو أكثر',
  },
  query_one_of: {
    en: '{name} must be one of {allowed}',
    fr: '{name} doit être l’une des valeurs {allowed}',
    ar: 'يجب أن يكون {name} إحدى القيم {allowed}',
  },
  query_boolean: {
    en: '{name} must be true or false',
    fr: '{name} doit être true ou false',
    ar: 'يجب أن يكون {name} true أو false',
  },
  query_range_format: {
    en: '{name} must be a range like {example}',
    fr: '{name} doit être un intervalle comme {example}',
    ar: 'يجب أن يكون {name} نطاقًا مثل {example}',
  },
  query_one_range: {
    en: '{name} takes one range (from..to)',
    fr: '{name} accepte un seul intervalle (de..à)',
    ar: 'يقبل {name} نطاقًا واحدًا (من..إلى)',
  },
  query_range_bound: {
    en: '{name} needs at least one bound',
    fr: '{name} demande au moins une borne',
    ar: 'يحتاج {name} إلى حد واحد على الأقل',
  },
  query_range_order: {
    en: '{name} starts after it ends: write the lower bound first (from..to)',
    fr: '{name} commence après sa fin : écrivez d’abord la borne inférieure (de..à)',
    ar: 'يبدأ {name} بعد نهايته: اكتب الحد الأدنى أولًا (من..إلى)',
  },
  filter_sealed: {
    en: "{field} is sealed in this country's forms: it cannot be filtered on",
    fr: '{field} est chiffré dans les formulaires de ce pays : on ne peut pas filtrer dessus',
    ar: '{field} مشفّر في نماذج هذا البلد: لا يمكن التصفية به',
  },
  query_unknown: {
    en: 'Unknown query parameter {name}',
    fr: 'Paramètre de requête inconnu : {name}',
    ar: 'معامل استعلام غير معروف: {name}',
  },
  query_given_twice: {
    en: '{name} is given more than once',
    fr: '{name} est donné plus d’une fois',
    ar: 'أُعطي {name} أكثر من مرة',
  },
  query_date: {
    en: '{name} must be a date or date-time',
    fr: '{name} doit être une date ou une date et heure',
    ar: 'يجب أن يكون {name} تاريخًا أو تاريخًا ووقتًا',
  },
  query_window: {
    en: 'page × per may not exceed {max}: narrow the dates',
    fr: 'page × per ne peut pas dépasser {max} : resserrez les dates',
    ar: 'لا يجوز أن يتجاوز page × per القيمة {max}: ضيّق التواريخ',
  },
  query_unknown_filter: {
    en: 'Unknown query parameter {name}: {resource} are filtered by {ids} and by the filterable fields of the forms your role reads ({where} lists them)',
    fr: 'Paramètre de requête inconnu : {name} ; les {resource} se filtrent par {ids} et par les champs filtrables des formulaires que votre rôle lit ({where} les liste)',
    ar: 'معامل استعلام غير معروف {name}: تُصفّى {resource} حسب {ids} وحسب الحقول القابلة للتصفية في النماذج التي يقرؤها دورك (يعرضها {where})',
  },
  query_list_window: {
    en: 'page × per may not exceed {max}: narrow the filters, or use /api/v2/sync for full downloads',
    fr: 'page × per ne peut pas dépasser {max} : resserrez les filtres, ou utilisez /api/v2/sync pour tout télécharger',
    ar: 'لا يجوز أن يتجاوز page × per القيمة {max}: ضيّق عوامل التصفية، أو استخدم /api/v2/sync للتنزيل الكامل',
  },
  query_known_value: {
    en: '{name} is not a known value',
    fr: '{name} n’est pas une valeur connue',
    ar: '{name} ليست قيمة معروفة',
  },
  fields_unknown: {
    en: 'fields: unknown field {field}',
    fr: 'fields : champ inconnu {field}',
    ar: 'fields: حقل غير معروف {field}',
  },
  has_alerts_lists_only: {
    en: 'has_alerts filters lists (GET), not bulk selections',
    fr: 'has_alerts filtre les listes (GET), pas les sélections groupées',
    ar: 'يصفّي has_alerts القوائم (GET)، لا التحديدات الجماعية',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
