/**
 * What sign-in, two-factor sign-in, the own-account endpoints and the admin user endpoints answer, in en, fr
 * and ar. A sign-in refusal says the same whatever was wrong, in every language.
 */
export const accountMessages = {
  sign_in_refused: {
    en: 'Invalid user name, password or verification code',
    fr: "Nom d'utilisateur, mot de passe ou code de vérification incorrect",
    ar: 'اسم المستخدم أو كلمة المرور أو رمز التحقق غير صحيح',
  },
  account_locked: {
    en: 'Too many failed sign-ins: this account is locked for now; try again later',
    fr: 'Trop de tentatives de connexion échouées : ce compte est verrouillé pour le moment ; réessayez plus tard',
    ar: 'عدد كبير جدًا من محاولات تسجيل الدخول الفاشلة: هذا الحساب مقفل مؤقتًا؛ حاول مرة أخرى لاحقًا',
  },
  too_many_attempts: {
    en: 'Too many attempts; try again later',
    fr: 'Trop de tentatives ; réessayez plus tard',
    ar: 'محاولات كثيرة جدًا؛ حاول مرة أخرى لاحقًا',
  },
  account_disabled: {
    en: 'This account is disabled',
    fr: 'Ce compte est désactivé',
    ar: 'هذا الحساب معطّل',
  },
  session_invalid: {
    en: 'The token is invalid, expired or signed out: sign in again',
    fr: "Votre session n'est plus valide (expirée ou fermée) : reconnectez-vous",
    ar: 'جلستك لم تعد صالحة (انتهت أو أُغلقت): سجّل الدخول مرة أخرى',
  },
  session_too_long: {
    en: 'This session has reached its maximum length: sign in again',
    fr: 'Cette session a atteint sa durée maximale : reconnectez-vous',
    ar: 'بلغت هذه الجلسة مدتها القصوى: سجّل الدخول مرة أخرى',
  },
  mfa_required: {
    en: 'Your role requires multi-factor sign-in: sign in again with MFA',
    fr: "Votre rôle exige l'authentification multifacteur : reconnectez-vous avec celle-ci",
    ar: 'يتطلب دورك المصادقة متعددة العوامل: سجّل الدخول مرة أخرى باستخدامها',
  },
  sign_in_again: { en: 'Sign in again', fr: 'Reconnectez-vous', ar: 'سجّل الدخول مرة أخرى' },
  user_name_chars: {
    en: 'may hold only letters, digits and _ . @ + -',
    fr: 'ne peut contenir que des lettres, des chiffres et _ . @ + -',
    ar: 'يمكن أن يحتوي فقط على أحرف وأرقام و _ . @ + -',
  },
  six_digits: { en: 'must be 6 digits', fr: 'doit comporter 6 chiffres', ar: 'يجب أن يتكون من 6 أرقام' },
  totp_already_enabled: {
    en: 'Two-factor sign-in is already enabled for this account',
    fr: 'La connexion à deux facteurs est déjà activée pour ce compte',
    ar: 'تسجيل الدخول بخطوتين مفعّل بالفعل لهذا الحساب',
  },
  totp_code_refused: {
    en: 'is not a valid code from your authenticator app (or was already used)',
    fr: "n'est pas un code valide de votre application d'authentification (ou a déjà été utilisé)",
    ar: 'ليس رمزًا صالحًا من تطبيق المصادقة لديك (أو سبق استخدامه)',
  },
  needs_current_password: {
    en: 'is required to change the password',
    fr: 'est obligatoire pour changer le mot de passe',
    ar: 'مطلوبة لتغيير كلمة المرور',
  },
  not_current_password: {
    en: 'is not your current password',
    fr: "n'est pas votre mot de passe actuel",
    ar: 'ليست كلمة المرور الحالية',
  },
  password_has_user_name: {
    en: 'must not contain the user name',
    fr: "ne doit pas contenir le nom d'utilisateur",
    ar: 'يجب ألا تحتوي على اسم المستخدم',
  },
  may_not_read_users: {
    en: 'Your role does not allow reading users',
    fr: 'Votre rôle ne permet pas de consulter les utilisateurs',
    ar: 'لا يسمح دورك بالاطلاع على المستخدمين',
  },
  may_not_change_users: {
    en: 'Your role does not allow changing users',
    fr: 'Votre rôle ne permet pas de modifier les utilisateurs',
    ar: 'لا يسمح دورك بتعديل المستخدمين',
  },
  user_not_found: { en: 'User not found', fr: 'Utilisateur introuvable', ar: 'المستخدم غير موجود' },
  not_a_role_here: {
    en: 'is not a role of {country}',
    fr: "n'est pas un rôle de {country}",
    ar: 'ليس دورًا في {country}',
  },
  not_an_agency_here: {
    en: 'is not an agency of {country}',
    fr: "n'est pas une agence de {country}",
    ar: 'ليست جهة في {country}',
  },
  not_a_group_here: {
    en: '{group} is not a user group of {country}',
    fr: "{group} n'est pas un groupe d'utilisateurs de {country}",
    ar: '{group} ليست مجموعة مستخدمين في {country}',
  },
  user_name_taken: {
    en: 'This user name is taken',
    fr: "Ce nom d'utilisateur est déjà pris",
    ar: 'اسم المستخدم هذا مستخدم بالفعل',
  },
  new_user_name: {
    en: 'must be 3-50 lowercase letters, digits, _ . -',
    fr: 'doit comporter de 3 à 50 lettres minuscules, chiffres, _ . -',
    ar: 'يجب أن يتكون من 3 إلى 50 حرفًا صغيرًا أو رقمًا أو _ . -',
  },
  email: {
    en: 'must be an email address',
    fr: 'doit être une adresse e-mail',
    ar: 'يجب أن يكون عنوان بريد إلكتروني',
  },
  locale: {
    en: 'must be a locale such as en or fr-CA',
    fr: 'doit être une langue comme en ou fr-CA',
    ar: 'يجب أن تكون لغة مثل en أو fr-CA',
  },
  account_elsewhere: {
    en: 'This account also works in {countries}: a country admin cannot change it',
    fr: "Ce compte travaille aussi dans {countries} : l'administrateur d'un pays ne peut pas le modifier",
    ar: 'يعمل هذا الحساب أيضًا في {countries}: لا يمكن لمسؤول بلد واحد تعديله',
  },
  cannot_disable_self: {
    en: 'you cannot disable your own account',
    fr: 'vous ne pouvez pas désactiver votre propre compte',
    ar: 'لا يمكنك تعطيل حسابك الخاص',
  },
  country_header_needed: {
    en: 'You work in several countries: say which with the X-Country-Code header',
    fr: 'Vous travaillez dans plusieurs pays : indiquez lequel avec l’en-tête X-Country-Code',
    ar: 'تعمل في عدة بلدان: حدّد أيّها بالترويسة X-Country-Code',
  },
  country_header_format: {
    en: 'X-Country-Code must be an ISO 3166-1 alpha-2 code',
    fr: 'X-Country-Code doit être un code ISO 3166-1 alpha-2',
    ar: 'يجب أن تكون X-Country-Code رمزًا من ISO 3166-1 alpha-2',
  },
  country_not_yours: {
    en: 'You do not work in country {country}',
    fr: 'Vous ne travaillez pas dans le pays {country}',
    ar: 'أنت لا تعمل في البلد {country}',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
