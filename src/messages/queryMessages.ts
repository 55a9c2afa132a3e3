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
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
