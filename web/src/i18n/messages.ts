/**
 * The app's own texts (the forms bring their own translations). English is complete and the fallback:
 * a text missing from a language shows in English rather than as a key. Kept in the main bundle: the
 * three catalogues together are a few kilobytes, less than a second request would cost on a slow network.
 */
export const en = {
  'nav.main': 'Main',
  'nav.home': 'Home',
  'nav.cases': 'Cases',
  'nav.incidents': 'Incidents',
  'nav.tracing': 'Tracing',
  'nav.admin': 'Admin',
  'nav.help': 'Help',
  'nav.signOut': 'Sign out',
  'status.online': 'Online',
  'status.offline': 'Offline',
  // Not pluralised: the tests and the people who use it read "1 changes waiting" as a counter.
  'status.waiting': '{n} changes waiting',
  'status.lastSync': 'Last sync {time}',
  'status.never': 'never',
  'attention.signInAgain': 'Sign in again to send your changes.',
  'attention.refused': 'Some changes were refused by the server and wait here.',
  'signOut.confirm': '{n} changes have not been sent yet and will be lost. Sign out anyway?',
  'notice.locked': 'Locked after 15 minutes without use. Enter your password to unlock.',
  'notice.disabled': 'This account has been disabled. The data on this device has been erased.',
  language: 'Language',
  'signIn.userName': 'User name',
  'signIn.password': 'Password',
  'signIn.code': 'Verification code',
  'signIn.codeHint': 'The 6-digit code from your authenticator app.',
  'signIn.submit': 'Sign in',
  'signIn.verify': 'Verify',
  'signIn.askCode': '{message}. If your account uses a verification code, enter it below.',
  'signIn.noConnection': 'No connection, and no data for this user on this device',
  'signIn.failed': 'Sign-in failed',
  'enrol.title': 'Set up two-factor sign-in',
  'enrol.intro':
    'Your account needs a verification code at every sign-in. Scan this QR code with your authenticator app, or type the secret key into it.',
  'enrol.qr': 'QR code for your authenticator app',
  'enrol.secret': 'Secret key',
  'enrol.code': 'First code from the app',
  'enrol.confirm': 'Confirm',
  'enrol.done': 'Two-factor sign-in is on. Enter the next code your app shows to finish signing in.',
  'home.title': 'My tasks',
  'home.offline': 'Tasks are shown when you are online.',
  'home.none': 'No tasks due.',
  'home.overdue': 'Overdue',
  'home.due': 'Due',
  'home.alerts': 'Alerts',
  'home.alertCount': 'Cases with alerts: {n}',
  'queues.approvals': 'Approvals waiting for me',
  'queues.incoming': 'Transfers and referrals to accept',
  'queues.flagged': 'Flagged cases',
  'queues.noFlagged': 'No flagged cases.',
  'admin.offline': 'Administration needs a connection.',
  'admin.title': 'Administration',
  'admin.users': 'Users',
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Partial<Record<MessageKey, string>>;

const fr: Catalogue = {
  'nav.main': 'Principal',
  'nav.home': 'Accueil',
  'nav.cases': 'Dossiers',
  'nav.incidents': 'Incidents',
  'nav.tracing': 'Recherche',
  'nav.admin': 'Administration',
  'nav.help': 'Aide',
  'nav.signOut': 'Se déconnecter',
  'status.online': 'En ligne',
  'status.offline': 'Hors ligne',
  'status.waiting': '{n} modifications en attente',
  'status.lastSync': 'Dernière synchronisation {time}',
  'status.never': 'jamais',
  'attention.signInAgain': 'Reconnectez-vous pour envoyer vos modifications.',
  'attention.refused': 'Le serveur a refusé certaines modifications ; elles attendent ici.',
  'signOut.confirm':
    '{n} modifications n’ont pas encore été envoyées et seront perdues. Se déconnecter quand même ?',
  'notice.locked':
    'Verrouillé après 15 minutes d’inactivité. Saisissez votre mot de passe pour déverrouiller.',
  'notice.disabled': 'Ce compte a été désactivé. Les données de cet appareil ont été effacées.',
  language: 'Langue',
  'signIn.userName': 'Nom d’utilisateur',
  'signIn.password': 'Mot de passe',
  'signIn.code': 'Code de vérification',
  'signIn.codeHint': 'Le code à 6 chiffres de votre application d’authentification.',
  'signIn.submit': 'Se connecter',
  'signIn.verify': 'Vérifier',
  'signIn.askCode': '{message}. Si votre compte utilise un code de vérification, saisissez-le ci-dessous.',
  'signIn.noConnection': 'Pas de connexion, et aucune donnée de cet utilisateur sur cet appareil',
  'signIn.failed': 'Échec de la connexion',
  'enrol.title': 'Activer la connexion à deux facteurs',
  'enrol.intro':
    'Votre compte demande un code de vérification à chaque connexion. Scannez ce code QR avec votre application d’authentification, ou saisissez-y la clé secrète.',
  'enrol.qr': 'Code QR pour votre application d’authentification',
  'enrol.secret': 'Clé secrète',
  'enrol.code': 'Premier code de l’application',
  'enrol.confirm': 'Confirmer',
  'enrol.done':
    'La connexion à deux facteurs est activée. Saisissez le code suivant de votre application pour terminer la connexion.',
  'home.title': 'Mes tâches',
  'home.offline': 'Les tâches s’affichent quand vous êtes en ligne.',
  'home.none': 'Aucune tâche à faire.',
  'home.overdue': 'En retard',
  'home.due': 'Échéance',
  'home.alerts': 'Alertes',
  'home.alertCount': 'Dossiers avec alertes : {n}',
  'queues.approvals': 'Approbations qui m’attendent',
  'queues.incoming': 'Transferts et renvois à accepter',
  'queues.flagged': 'Dossiers signalés',
  'queues.noFlagged': 'Aucun dossier signalé.',
  'admin.offline': 'L’administration demande une connexion.',
  'admin.title': 'Administration',
  'admin.users': 'Utilisateurs',
};

const ar: Catalogue = {
  'nav.main': 'الرئيسية',
  'nav.home': 'الصفحة الرئيسية',
  'nav.cases': 'الحالات',
  'nav.incidents': 'الحوادث',
  'nav.tracing': 'البحث عن الأسر',
  'nav.admin': 'الإدارة',
  'nav.help': 'مساعدة',
  'nav.signOut': 'تسجيل الخروج',
  'status.online': 'متصل',
  'status.offline': 'غير متصل',
  'status.waiting': 'تغييرات بانتظار الإرسال: {n}',
  'status.lastSync': 'آخر مزامنة {time}',
  'status.never': 'لم تتم بعد',
  'attention.signInAgain': 'سجّل الدخول مرة أخرى لإرسال تغييراتك.',
  'attention.refused': 'رفض الخادم بعض التغييرات وهي تنتظر هنا.',
  'signOut.confirm': 'لم تُرسل {n} تغييرات بعد وستُفقد. هل تريد تسجيل الخروج على أي حال؟',
  'notice.locked': 'تم القفل بعد 15 دقيقة دون استخدام. أدخل كلمة المرور لفتح القفل.',
  'notice.disabled': 'تم تعطيل هذا الحساب. مُسحت البيانات الموجودة على هذا الجهاز.',
  language: 'اللغة',
  'signIn.userName': 'اسم المستخدم',
  'signIn.password': 'كلمة المرور',
  'signIn.code': 'رمز التحقق',
  'signIn.codeHint': 'الرمز المكوّن من 6 أرقام من تطبيق المصادقة.',
  'signIn.submit': 'تسجيل الدخول',
  'signIn.verify': 'تحقق',
  'signIn.askCode': '{message}. إذا كان حسابك يستخدم رمز تحقق، فأدخله أدناه.',
  'signIn.noConnection': 'لا يوجد اتصال، ولا توجد بيانات لهذا المستخدم على هذا الجهاز',
  'signIn.failed': 'فشل تسجيل الدخول',
  'enrol.title': 'إعداد تسجيل الدخول بخطوتين',
  'enrol.intro':
    'يحتاج حسابك إلى رمز تحقق عند كل تسجيل دخول. امسح رمز QR هذا بتطبيق المصادقة، أو اكتب المفتاح السري فيه.',
  'enrol.qr': 'رمز QR لتطبيق المصادقة',
  'enrol.secret': 'المفتاح السري',
  'enrol.code': 'أول رمز من التطبيق',
  'enrol.confirm': 'تأكيد',
  'enrol.done': 'تم تفعيل تسجيل الدخول بخطوتين. أدخل الرمز التالي الذي يعرضه التطبيق لإكمال تسجيل الدخول.',
  'home.title': 'مهامي',
  'home.offline': 'تظهر المهام عندما تكون متصلاً.',
  'home.none': 'لا توجد مهام مستحقة.',
  'home.overdue': 'متأخرة',
  'home.due': 'مستحقة',
  'home.alerts': 'التنبيهات',
  'home.alertCount': 'حالات بها تنبيهات: {n}',
  'queues.approvals': 'موافقات بانتظاري',
  'queues.incoming': 'تحويلات وإحالات للقبول',
  'queues.flagged': 'حالات عليها إشارة',
  'queues.noFlagged': 'لا توجد حالات عليها إشارة.',
  'admin.offline': 'تحتاج الإدارة إلى اتصال.',
  'admin.title': 'الإدارة',
  'admin.users': 'المستخدمون',
};

const catalogues: Record<string, Catalogue> = { en, fr, ar };

export type Vars = Record<string, string | number>;

/** The text in the language (or its base: "fr-CA" reads French), else English; numbers as the language writes them. */
export function translate(locale: string, key: MessageKey, vars: Vars = {}): string {
  const base = locale.split('-')[0] ?? 'en';
  const text = catalogues[locale]?.[key] ?? catalogues[base]?.[key] ?? en[key];
  const numbers = new Intl.NumberFormat(locale);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}
