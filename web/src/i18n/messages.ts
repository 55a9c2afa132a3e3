/**
 * The app's own texts (the forms bring their own translations). English is complete and the fallback:
 * a text missing from a language shows in English rather than as a key. Kept in the main bundle: the
 * three catalogues together are a few kilobytes, less than a second request would cost on a slow network.
 */
import { arScreens, enScreens, frScreens } from './screenTexts';
import { arHome, enHome, frHome } from './homeTexts';
import { arTools, enTools, frTools } from './toolTexts';

const enChrome = {
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
  // A text may have forms per plural category of {n} (`.one`, `.two`, …, by Intl.PluralRules); the
  // plain key is the `other` form.
  'status.waiting': '{n} changes waiting',
  'status.waiting.one': '{n} change waiting',
  'status.lastSync': 'Last sync {time}',
  'status.never': 'never',
  'attention.signInAgain': 'Sign in again to send your changes.',
  'attention.refused': 'Some changes were refused by the server and wait here.',
  'signOut.confirm': '{n} changes have not been sent yet and will be lost. Sign out anyway?',
  'signOut.wipes':
    'Signing out removes your cases from this device: signing in again will need the network. Sign out?',
  'signOut.confirm.one': '{n} change has not been sent yet and will be lost. Sign out anyway?',
  'notice.otherCountry':
    'Another tab of this browser switched this device to another country. Sign in again to go on.',
  'notice.locked': 'Locked after 15 minutes without use. Enter your password to unlock.',
  // Signed in with Microsoft: the device passcode chosen at sign-in seals the data, not a password.
  'notice.lockedPasscode': 'Locked after 15 minutes without use. Enter your device passcode to unlock.',
  'notice.disabled': 'This account has been disabled. The data on this device has been erased.',
  'notice.signedOutElsewhere':
    'You signed out in another tab of this browser: the data on this device has been erased. Sign in again to go on.',
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
  'country.title': 'Which country are you working in?',
  'country.label': 'Country',
  'country.hint': 'This device keeps the cases of one country at a time. To work in another, sign in again.',
  'country.continue': 'Continue',
  'country.unsent': 'Before working in {chosen}, finish what is left in {holding}: choose {holding}, then',
  'country.unsentChanges': '{n} changes are waiting to be sent: stay online until they are sent.',
  'country.unsentChanges.one': '{n} change is waiting to be sent: stay online until it is sent.',
  'country.unsentFiles': '{n} files are waiting to upload: stay online until they are sent.',
  'country.unsentFiles.one': '{n} file is waiting to upload: stay online until it is sent.',
  'country.unsentEdited': 'Changes not saved on {names}: open the case from Home, then save or discard them.',
  'country.unsentNewCase': 'A new case is not created yet: open it from Home, then create or discard it.',
  'signIn.offlineTitle': 'You are offline.',
  'signIn.offlineCan':
    'If you have signed in on this device before, your password unlocks the cases kept on it: you can read and edit them, add notes, photos and new cases, and your changes are sent when the network returns.',
  'signIn.offlineCanPasscode':
    'If you have signed in on this device before, your device passcode unlocks the cases kept on it: you can read and edit them, add notes, photos and new cases, and your changes are sent when the network returns.',
  'signIn.offlineCannot':
    'Until then, tasks, administration, cases not kept on this device and a first sign-in here need the network.',
  'signIn.offlineSynced': 'The copy for {user} on this device was last synced {time}.',
  'signIn.offlineHeld': 'This device holds data for {user}, not synced yet.',
  'signIn.offlineNoCopy': 'This device holds no data for {user}: signing in needs the network.',
  'signIn.microsoft': 'Sign in with Microsoft',
  'signIn.signedInAs': 'Signed in as {user}.',
  'signIn.passcode': 'Device passcode',
  'signIn.passcodeHint':
    'Protects the data kept on this device: choose one the first time, then it unlocks the app, also offline.',
  'signIn.unlock': 'Unlock',
  'signIn.offlineUnlock': 'No connection to Microsoft. The passcode unlocks the data already on this device.',
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
  'home.tasksAsOf': 'Offline: the tasks as they were on {time}, the last time the device was online.',
  'home.none': 'No tasks due.',
  'home.drafts': 'Changes not saved yet',
  'home.draftsHint': 'Kept on this device. Open the case to save them or discard them.',
  'home.draftNewCase': 'New case, not created yet',
  'home.overdue': 'Overdue',
  'home.due': 'Due',
  'home.alerts': 'Alerts',
  'home.alertCount': 'Cases with alerts: {n}',
  'queues.approvals': 'Approvals waiting for me',
  'queues.incoming': 'Transfers and referrals to accept',
  'queues.flagged': 'Flagged cases',
  'queues.noFlagged': 'No flagged cases.',
  'queues.flaggedCount': 'Cases flagged: {n}',
  'queues.flaggedMore': 'The {shown} changed last are listed here.',
  'queues.flaggedAll': 'List every flagged case',
  'admin.offline': 'Administration needs a connection.',
  'admin.title': 'Administration',
  'admin.users': 'Users',
  'list.tracingRequests': 'Tracing requests',
  'list.newCase': 'New case',
  'list.search': 'Search',
  'list.moreFilters': 'More filters',
  'list.moreFiltersOn': 'More filters ({n} on)',
  'list.apply': 'Apply filters',
  'list.pages': 'Pages',
  'list.previous': 'Previous page',
  'list.next': 'Next page',
  'list.page': 'Page {page} of {pages}',
  'help.title': 'Help: {screen}',
  'help.close': 'Close help',
  'tour.title': 'Getting started ({step} of {of})',
  'tour.1': 'Welcome. Home shows your tasks, approvals and referrals, and flagged cases.',
  'tour.2':
    'Cases lists your caseload. Everything works offline: changes wait on this device, encrypted, and go when the network returns.',
  'tour.3': 'Open a case to edit it, add photos and do casework. Help, at the top, explains every screen.',
  'tour.next': 'Next tip',
  'tour.done': 'Done',
  'tour.skip': 'Skip the tour',
} as const;

export const en = { ...enChrome, ...enScreens, ...enTools, ...enHome };
export type MessageKey = keyof typeof en;
type Catalogue = Partial<Record<MessageKey, string>>;

const fr: Catalogue = {
  ...frScreens,
  ...frTools,
  ...frHome,
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
  'status.waiting.one': '{n} modification en attente',
  'status.lastSync': 'Dernière synchronisation {time}',
  'status.never': 'jamais',
  'attention.signInAgain': 'Reconnectez-vous pour envoyer vos modifications.',
  'attention.refused': 'Le serveur a refusé certaines modifications ; elles attendent ici.',
  'signOut.confirm':
    '{n} modifications n’ont pas encore été envoyées et seront perdues. Se déconnecter quand même ?',
  'signOut.wipes':
    'La déconnexion retire vos dossiers de cet appareil : pour vous reconnecter, il faudra le réseau. Se déconnecter ?',
  'notice.otherCountry':
    'Un autre onglet de ce navigateur a fait passer cet appareil à un autre pays. Reconnectez-vous pour continuer.',
  'notice.locked':
    'Verrouillé après 15 minutes d’inactivité. Saisissez votre mot de passe pour déverrouiller.',
  'notice.lockedPasscode':
    'Verrouillé après 15 minutes d’inactivité. Saisissez le code de l’appareil pour déverrouiller.',
  'notice.disabled': 'Ce compte a été désactivé. Les données de cet appareil ont été effacées.',
  'notice.signedOutElsewhere':
    'Vous vous êtes déconnecté dans un autre onglet de ce navigateur : les données de cet appareil ont été effacées. Reconnectez-vous pour continuer.',
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
  'country.title': 'Dans quel pays travaillez-vous ?',
  'country.label': 'Pays',
  'country.hint':
    'Cet appareil garde les dossiers d’un seul pays à la fois. Pour travailler dans un autre, reconnectez-vous.',
  'country.continue': 'Continuer',
  'country.unsent':
    'Avant de travailler pour {chosen}, terminez ce qui reste pour {holding} : choisissez {holding}, puis',
  'country.unsentChanges':
    '{n} modifications attendent d’être envoyées : restez en ligne jusqu’à leur envoi.',
  'country.unsentChanges.one': '{n} modification attend d’être envoyée : restez en ligne jusqu’à son envoi.',
  'country.unsentFiles': '{n} fichiers attendent d’être envoyés : restez en ligne jusqu’à leur envoi.',
  'country.unsentFiles.one': '{n} fichier attend d’être envoyé : restez en ligne jusqu’à son envoi.',
  'country.unsentEdited':
    'Modifications non enregistrées ({names}) : ouvrez le dossier depuis l’accueil, puis enregistrez-les ou abandonnez-les.',
  'country.unsentNewCase':
    'Un nouveau dossier n’est pas encore créé : ouvrez-le depuis l’accueil, puis créez-le ou abandonnez-le.',
  'signIn.offlineTitle': 'Vous êtes hors ligne.',
  'signIn.offlineCan':
    'Si vous vous êtes déjà connecté sur cet appareil, votre mot de passe déverrouille les dossiers qui y sont gardés : vous pouvez les consulter et les modifier, ajouter des notes, des photos et de nouveaux dossiers, et vos modifications partent quand le réseau revient.',
  'signIn.offlineCanPasscode':
    'Si vous vous êtes déjà connecté sur cet appareil, le code de l’appareil déverrouille les dossiers qui y sont gardés : vous pouvez les consulter et les modifier, ajouter des notes, des photos et de nouveaux dossiers, et vos modifications partent quand le réseau revient.',
  'signIn.offlineCannot':
    'D’ici là, les tâches, l’administration, les dossiers absents de cet appareil et une première connexion ici demandent le réseau.',
  'signIn.offlineSynced': 'Dernière synchronisation de la copie du compte {user} sur cet appareil : {time}.',
  'signIn.offlineHeld': 'Cet appareil garde des données du compte {user}, pas encore synchronisées.',
  'signIn.offlineNoCopy':
    'Cet appareil ne garde aucune donnée du compte {user} : la connexion demande le réseau.',
  'signIn.microsoft': 'Se connecter avec Microsoft',
  'signIn.signedInAs': 'Connecté en tant que {user}.',
  'signIn.passcode': 'Code de l’appareil',
  'signIn.passcodeHint':
    'Protège les données gardées sur cet appareil : choisissez-le la première fois, puis il déverrouille l’application, même hors ligne.',
  'signIn.unlock': 'Déverrouiller',
  'signIn.offlineUnlock':
    'Pas de connexion à Microsoft. Le code déverrouille les données déjà sur cet appareil.',
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
  'home.tasksAsOf':
    'Hors ligne : les tâches telles qu’elles étaient le {time}, la dernière fois que l’appareil était en ligne.',
  'home.none': 'Aucune tâche à faire.',
  'home.drafts': 'Modifications pas encore enregistrées',
  'home.draftsHint': 'Gardées sur cet appareil. Ouvrez le dossier pour les enregistrer ou les abandonner.',
  'home.draftNewCase': 'Nouveau dossier, pas encore créé',
  'home.overdue': 'En retard',
  'home.due': 'Échéance',
  'home.alerts': 'Alertes',
  'home.alertCount': 'Dossiers avec alertes : {n}',
  'queues.approvals': 'Approbations qui m’attendent',
  'queues.incoming': 'Transferts et renvois à accepter',
  'queues.flagged': 'Dossiers signalés',
  'queues.noFlagged': 'Aucun dossier signalé.',
  'queues.flaggedCount': 'Dossiers signalés : {n}',
  'queues.flaggedMore': 'Les {shown} modifiés en dernier sont listés ici.',
  'queues.flaggedAll': 'Lister tous les dossiers signalés',
  'admin.offline': 'L’administration demande une connexion.',
  'admin.title': 'Administration',
  'admin.users': 'Utilisateurs',
  'list.tracingRequests': 'Demandes de recherche',
  'list.newCase': 'Nouveau dossier',
  'list.search': 'Rechercher',
  'list.moreFilters': 'Plus de filtres',
  'list.moreFiltersOn': 'Plus de filtres ({n} actifs)',
  'list.apply': 'Appliquer les filtres',
  'list.pages': 'Pages',
  'list.previous': 'Page précédente',
  'list.next': 'Page suivante',
  'list.page': 'Page {page} sur {pages}',
  'help.title': 'Aide : {screen}',
  'help.close': 'Fermer l’aide',
  'tour.title': 'Premiers pas ({step} sur {of})',
  'tour.1': 'Bienvenue. L’accueil montre vos tâches, les approbations et renvois, et les dossiers signalés.',
  'tour.2':
    'Dossiers liste vos dossiers. Tout fonctionne hors ligne : les modifications attendent sur cet appareil, chiffrées, et partent au retour du réseau.',
  'tour.3':
    'Ouvrez un dossier pour le modifier, ajouter des photos et faire le suivi. L’aide, en haut, explique chaque écran.',
  'tour.next': 'Conseil suivant',
  'tour.done': 'Terminé',
  'tour.skip': 'Passer la visite',
};

const ar: Catalogue = {
  ...arScreens,
  ...arTools,
  ...arHome,
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
  'signOut.wipes':
    'يزيل تسجيل الخروج حالاتك من هذا الجهاز: ستحتاج إلى الشبكة لتسجيل الدخول مجددًا. تسجيل الخروج؟',
  'notice.otherCountry': 'بدّل تبويب آخر في هذا المتصفح هذا الجهاز إلى بلد آخر. سجّل الدخول من جديد للمتابعة.',
  'notice.locked': 'تم القفل بعد 15 دقيقة دون استخدام. أدخل كلمة المرور لفتح القفل.',
  'notice.lockedPasscode': 'تم القفل بعد 15 دقيقة دون استخدام. أدخل رمز الجهاز لفتح القفل.',
  'notice.disabled': 'تم تعطيل هذا الحساب. مُسحت البيانات الموجودة على هذا الجهاز.',
  'notice.signedOutElsewhere':
    'سجّلت الخروج في تبويب آخر من هذا المتصفح: مُسحت البيانات الموجودة على هذا الجهاز. سجّل الدخول من جديد للمتابعة.',
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
  'country.title': 'في أي بلد تعمل؟',
  'country.label': 'البلد',
  'country.hint': 'يحتفظ هذا الجهاز بحالات بلد واحد في كل مرة. للعمل في بلد آخر، سجّل الدخول من جديد.',
  'country.continue': 'متابعة',
  'country.unsent': 'قبل العمل في {chosen}، أكمل ما تبقى في {holding}: اختر {holding}، ثم',
  'country.unsentChanges': 'تغييرات بانتظار الإرسال: {n}. ابقَ متصلاً حتى تُرسل.',
  'country.unsentFiles': 'ملفات بانتظار الرفع: {n}. ابقَ متصلاً حتى تُرسل.',
  'country.unsentEdited':
    'تغييرات لم تُحفظ على {names}: افتح الحالة من الصفحة الرئيسية، ثم احفظها أو تخلَّ عنها.',
  'country.unsentNewCase': 'حالة جديدة لم تُنشأ بعد: افتحها من الصفحة الرئيسية، ثم أنشئها أو تخلَّ عنها.',
  'signIn.offlineTitle': 'أنت غير متصل بالشبكة.',
  'signIn.offlineCan':
    'إذا سبق لك تسجيل الدخول على هذا الجهاز، فإن كلمة المرور تفتح الحالات المحفوظة عليه: يمكنك قراءتها وتعديلها وإضافة ملاحظات وصور وحالات جديدة، وتُرسل تغييراتك عند عودة الشبكة.',
  'signIn.offlineCanPasscode':
    'إذا سبق لك تسجيل الدخول على هذا الجهاز، فإن رمز الجهاز يفتح الحالات المحفوظة عليه: يمكنك قراءتها وتعديلها وإضافة ملاحظات وصور وحالات جديدة، وتُرسل تغييراتك عند عودة الشبكة.',
  'signIn.offlineCannot':
    'حتى ذلك الحين، تحتاج المهام والإدارة والحالات غير المحفوظة على هذا الجهاز وأول تسجيل دخول هنا إلى الشبكة.',
  'signIn.offlineSynced': 'آخر مزامنة لنسخة {user} على هذا الجهاز: {time}.',
  'signIn.offlineHeld': 'يحفظ هذا الجهاز بيانات {user}، لم تُزامن بعد.',
  'signIn.offlineNoCopy': 'لا يحفظ هذا الجهاز أي بيانات لـ {user}: يحتاج تسجيل الدخول إلى الشبكة.',
  'signIn.microsoft': 'تسجيل الدخول باستخدام Microsoft',
  'signIn.signedInAs': 'تم تسجيل الدخول باسم {user}.',
  'signIn.passcode': 'رمز الجهاز',
  'signIn.passcodeHint':
    'يحمي البيانات المحفوظة على هذا الجهاز: اختره في المرة الأولى، ثم يفتح التطبيق، حتى دون اتصال.',
  'signIn.unlock': 'فتح القفل',
  'signIn.offlineUnlock': 'لا يوجد اتصال بـ Microsoft. يفتح الرمز البيانات الموجودة على هذا الجهاز.',
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
  'home.tasksAsOf': 'دون اتصال: المهام كما كانت في {time}، آخر مرة كان فيها الجهاز متصلًا.',
  'home.none': 'لا توجد مهام مستحقة.',
  'home.drafts': 'تغييرات لم تُحفظ بعد',
  'home.draftsHint': 'محفوظة على هذا الجهاز. افتح الحالة لحفظها أو التخلي عنها.',
  'home.draftNewCase': 'حالة جديدة لم تُنشأ بعد',
  'home.overdue': 'متأخرة',
  'home.due': 'مستحقة',
  'home.alerts': 'التنبيهات',
  'home.alertCount': 'حالات بها تنبيهات: {n}',
  'queues.approvals': 'موافقات بانتظاري',
  'queues.incoming': 'تحويلات وإحالات للقبول',
  'queues.flagged': 'حالات عليها إشارة',
  'queues.noFlagged': 'لا توجد حالات عليها إشارة.',
  'queues.flaggedCount': 'حالات عليها إشارة: {n}',
  'queues.flaggedMore': 'تظهر هنا آخر {shown} حالة تم تغييرها.',
  'queues.flaggedAll': 'عرض كل الحالات التي عليها إشارة',
  'admin.offline': 'تحتاج الإدارة إلى اتصال.',
  'admin.title': 'الإدارة',
  'admin.users': 'المستخدمون',
  'list.tracingRequests': 'طلبات البحث عن الأسر',
  'list.newCase': 'حالة جديدة',
  'list.search': 'بحث',
  'list.moreFilters': 'مرشحات إضافية',
  'list.moreFiltersOn': 'مرشحات إضافية ({n} مفعّلة)',
  'list.apply': 'تطبيق المرشحات',
  'list.pages': 'الصفحات',
  'list.previous': 'الصفحة السابقة',
  'list.next': 'الصفحة التالية',
  'list.page': 'الصفحة {page} من {pages}',
  'help.title': 'مساعدة: {screen}',
  'help.close': 'إغلاق المساعدة',
  'tour.title': 'البداية ({step} من {of})',
  'tour.1': 'مرحبًا. تعرض الصفحة الرئيسية مهامك والموافقات والإحالات والحالات التي عليها إشارة.',
  'tour.2':
    'تعرض الحالات الحالات المسندة إليك. كل شيء يعمل دون اتصال: تنتظر التغييرات على هذا الجهاز مشفّرة، وتُرسل عند عودة الشبكة.',
  'tour.3': 'افتح حالة لتعديلها وإضافة الصور ومتابعتها. المساعدة في الأعلى تشرح كل شاشة.',
  'tour.next': 'النصيحة التالية',
  'tour.done': 'تم',
  'tour.skip': 'تخطي الجولة',
};

export const catalogues: Record<string, Catalogue> = { en, fr, ar };

export type Vars = Record<string, string | number>;

/**
 * The text in the language (or its base: "fr-CA" reads French), else English; numbers as the language writes
 * them; the form for {n}'s plural category in that language when it has one ("1 change", "0 modification").
 */
export function translate(locale: string, key: MessageKey, vars: Vars = {}): string {
  const base = locale.split('-')[0] ?? 'en';
  const own =
    catalogues[locale]?.[key] !== undefined ? locale : catalogues[base]?.[key] !== undefined ? base : 'en';
  const texts = catalogues[own] ?? en;
  const plural =
    typeof vars.n === 'number'
      ? (`${key}.${new Intl.PluralRules(own).select(vars.n)}` as MessageKey)
      : undefined;
  const text = (plural && texts[plural]) || (texts[key] ?? en[key]);
  const numbers = new Intl.NumberFormat(locale);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** A file's size as the language writes it ("16 bytes", "1,5 Mo" in French). */
export const fileSize = (locale: string, n: number): string =>
  n < 1024
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(n)
    : n < 1024 * 1024
      ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte' }).format(Math.ceil(n / 1024))
      : new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
          n / 1024 / 1024,
        );
