/**
 * What the record and attachment endpoints answer a caseworker beyond one field's rules, in en, fr and ar.
 * `{field}` is a field's name and `{types}` what the server accepts, never anything the client sent.
 */
export const recordMessages = {
  not_permitted: { en: 'Not permitted', fr: 'Non autorisé', ar: 'غير مسموح' },
  not_found: { en: 'Not found', fr: 'Introuvable', ar: 'غير موجود' },
  record_integrity: {
    en: 'The record failed an integrity check: tell your administrator',
    fr: 'Le dossier a échoué à un contrôle d’intégrité : prévenez votre administrateur',
    ar: 'لم يجتز السجل فحص السلامة: أبلغ المسؤول',
  },
  case_not_found: { en: 'Case not found', fr: 'Dossier introuvable', ar: 'الحالة غير موجودة' },
  incident_not_found: { en: 'Incident not found', fr: 'Incident introuvable', ar: 'الحادثة غير موجودة' },
  tracing_request_not_found: {
    en: 'Tracing request not found',
    fr: 'Demande de recherche introuvable',
    ar: 'طلب التتبع غير موجود',
  },
  attachment_not_found: {
    en: 'Attachment not found',
    fr: 'Pièce jointe introuvable',
    ar: 'المرفق غير موجود',
  },
  field_held: {
    en: 'is on a form your role may not edit: kept on the record for review',
    fr: 'est sur un formulaire que votre rôle ne peut pas modifier : gardé sur le dossier pour examen',
    ar: 'على نموذج لا يسمح دورك بتعديله: محفوظ في السجل للمراجعة',
  },
  changed_since_read: {
    en: 'The record was changed since you read it: fetch it again and reapply your change',
    fr: 'Le dossier a été modifié depuis que vous l’avez lu : rechargez-le et refaites votre modification',
    ar: 'تغيّر السجل منذ أن قرأته: أعد تحميله وأعد تطبيق تعديلك',
  },
  body_too_large: {
    en: 'Body larger than {max} bytes',
    fr: 'Envoi de plus de {max} octets',
    ar: 'المحتوى المرسل أكبر من {max} بايت',
  },
  record_disabled: {
    en: 'the {kind} is disabled: it can be read, not changed',
    fr: 'le dossier est désactivé : il peut être lu, pas modifié',
    ar: 'السجل معطّل: يمكن قراءته لا تغييره',
  },
  record_id_taken: {
    en: 'A record with this id already exists',
    fr: 'Un dossier avec cet identifiant existe déjà',
    ar: 'يوجد سجل بهذا المعرّف بالفعل',
  },
  may_not_edit: {
    en: 'Your role may not edit {field}',
    fr: 'Votre rôle ne peut pas modifier {field}',
    ar: 'لا يسمح دورك بتعديل {field}',
  },
  type_not_accepted: {
    en: 'this kind of file is not accepted in {field} (it takes {types})',
    fr: "ce type de fichier n'est pas accepté dans {field} (il prend {types})",
    ar: 'هذا النوع من الملفات غير مقبول في {field} (يقبل {types})',
  },
  content_mismatch: {
    en: "the file's content is not of the type it was sent as",
    fr: 'le contenu du fichier ne correspond pas au type sous lequel il a été envoyé',
    ar: 'محتوى الملف لا يطابق النوع الذي أُرسل به',
  },
  too_many_attachments: {
    en: 'a record holds at most {max} attachments',
    fr: 'un dossier contient au plus {max} pièces jointes',
    ar: 'يحتوي السجل على {max} مرفقًا على الأكثر',
  },
  not_upload_box: {
    en: "{field} is not an upload box of this record's forms",
    fr: "{field} n'est pas une zone de dépôt des formulaires de ce dossier",
    ar: '{field} ليس خانة رفع ملفات في نماذج هذا السجل',
  },
  box_holds: {
    en: '{field} holds {type} files',
    fr: '{field} contient des fichiers de type {type}',
    ar: '{field} يحتوي على ملفات من نوع {type}',
  },
  attachment_upload_running: {
    en: 'Another upload of this attachment is still running: send it again in a few seconds',
    fr: 'Un autre envoi de cette pièce jointe est en cours : renvoyez-la dans quelques secondes',
    ar: 'لا يزال إرسال آخر لهذا المرفق جاريًا: أعد إرساله بعد بضع ثوانٍ',
  },
  attachment_id_taken: {
    en: 'An attachment with this id already exists',
    fr: 'Une pièce jointe avec cet identifiant existe déjà',
    ar: 'يوجد مرفق بهذا المعرّف بالفعل',
  },
  empty_file: { en: 'the file is empty', fr: 'le fichier est vide', ar: 'الملف فارغ' },
  not_base64: {
    en: 'attachment is not valid base64',
    fr: "la pièce jointe n'est pas du base64 valide",
    ar: 'المرفق ليس بترميز base64 صالح',
  },
  mime_type: {
    en: 'must be a MIME type such as image/jpeg',
    fr: 'doit être un type MIME comme image/jpeg',
    ar: 'يجب أن يكون نوع MIME مثل image/jpeg',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
