/**
 * What flags, approvals and transitions (assign, refer, transfer) answer a caseworker in the web app, in en,
 * fr and ar. The English texts are the API's (Primero clients read them); `{type}` and `{status}` are codes,
 * so the other languages leave them out: the screen already shows which approval, referral or transfer.
 */
export const caseworkMessages = {
  alert_for_approver: {
    en: 'This alert is for whoever decides the approval: it goes once the request is decided',
    fr: 'Cette alerte est pour qui décide de l’approbation : elle disparaît une fois la demande tranchée',
    ar: 'هذا التنبيه لمن يقرر الموافقة: يزول بعد البت في الطلب',
  },
  flag_not_found: { en: 'Flag not found', fr: 'Signalement introuvable', ar: 'الإشارة غير موجودة' },
  flag_already_removed: {
    en: 'is already removed',
    fr: 'est déjà retiré',
    ar: 'أُزيلت بالفعل',
  },
  flag_removed_no_edit: {
    en: 'is removed: it cannot be edited',
    fr: 'est retiré : il ne peut plus être modifié',
    ar: 'أُزيلت: لا يمكن تعديلها',
  },
  unflag_alone: {
    en: 'unflags: send it without message or date',
    fr: 'retire le signalement : envoyez-le sans message ni date',
    ar: 'يزيل الإشارة: أرسله دون رسالة أو تاريخ',
  },
  unflag_or_edit: {
    en: 'is required (or message or date to edit the flag)',
    fr: 'est obligatoire (ou un message ou une date pour modifier le signalement)',
    ar: 'مطلوب (أو رسالة أو تاريخ لتعديل الإشارة)',
  },
  may_not_request_approval: {
    en: 'Your role does not allow request approval {type}',
    fr: 'Votre rôle ne permet pas de demander cette approbation',
    ar: 'لا يسمح دورك بطلب هذه الموافقة',
  },
  may_not_approve: {
    en: 'Your role does not allow approve {type}',
    fr: "Votre rôle ne permet pas d'approuver ou de rejeter cette demande",
    ar: 'لا يسمح دورك بالموافقة على هذا الطلب أو رفضه',
  },
  approval_not_pending: {
    en: 'there is no pending {type} request',
    fr: "aucune demande d'approbation n'est en attente",
    ar: 'لا يوجد طلب موافقة قيد الانتظار',
  },
  approval_already_pending: {
    en: 'a {type} approval is already pending',
    fr: "une demande d'approbation est déjà en attente",
    ar: 'يوجد بالفعل طلب موافقة قيد الانتظار',
  },
  not_a_user_here: {
    en: 'is not a user of this country',
    fr: "n'est pas un utilisateur de ce pays",
    ar: 'ليس مستخدمًا في هذا البلد',
  },
  is_the_caller: { en: 'is the caller', fr: "c'est vous-même", ar: 'هو أنت نفسك' },
  outside_assign_reach: {
    en: 'is outside the users your role may assign to',
    fr: "ne fait pas partie des utilisateurs auxquels votre rôle permet d'attribuer des dossiers",
    ar: 'ليس من المستخدمين الذين يسمح لك دورك بإسناد الحالات إليهم',
  },
  other_module: {
    en: 'does not work in this case’s module',
    fr: 'ne travaille pas dans le module de ce dossier',
    ar: 'لا يعمل في وحدة هذه الحالة',
  },
  already_owner: {
    en: 'already owns the case',
    fr: 'est déjà responsable du dossier',
    ar: 'هو بالفعل المسؤول عن هذه الحالة',
  },
  may_not_override_consent: {
    en: 'Your role does not allow overriding consent',
    fr: 'Votre rôle ne permet pas de passer outre le consentement',
    ar: 'لا يسمح دورك بتجاوز الموافقة',
  },
  referral_needs_consent: {
    en: 'the child (or caregiver) has not consented to services: a referral needs consent',
    fr: "l'enfant (ou la personne qui en a la charge) n'a pas consenti aux services : un renvoi exige ce consentement",
    ar: 'لم يوافق الطفل (أو مقدّم الرعاية) على الخدمات: الإحالة تحتاج إلى هذه الموافقة',
  },
  referral_not_found: { en: 'Referral not found', fr: 'Renvoi introuvable', ar: 'الإحالة غير موجودة' },
  only_referral_recipient: {
    en: 'Only the user the case was referred to can answer the referral',
    fr: 'Seule la personne à qui le dossier a été renvoyé peut répondre au renvoi',
    ar: 'لا يمكن الرد على الإحالة إلا للمستخدم الذي أُحيلت إليه الحالة',
  },
  referral_answered: {
    en: 'the referral is {status}',
    fr: "le renvoi n'est plus en attente",
    ar: 'لم تعد الإحالة قيد الانتظار',
  },
  transfer_not_found: { en: 'Transfer not found', fr: 'Transfert introuvable', ar: 'التحويل غير موجود' },
  only_transfer_recipient: {
    en: 'Only the user the case is transferred to can answer the transfer',
    fr: 'Seule la personne à qui le dossier est transféré peut répondre au transfert',
    ar: 'لا يمكن الرد على التحويل إلا للمستخدم الذي تُحوَّل إليه الحالة',
  },
  transfer_answered: {
    en: 'the transfer is {status}',
    fr: "le transfert n'est plus en attente",
    ar: 'لم يعد التحويل قيد الانتظار',
  },
  own_case_already: {
    en: 'you already own the case',
    fr: 'vous êtes déjà responsable du dossier',
    ar: 'أنت بالفعل المسؤول عن هذه الحالة',
  },
  transfer_already_asked: {
    en: 'you already asked for this case; the owner has not answered',
    fr: "vous avez déjà demandé ce dossier ; son responsable n'a pas encore répondu",
    ar: 'سبق أن طلبت هذه الحالة، ولم يرد المسؤول عنها بعد',
  },
  transfer_request_not_found: {
    en: 'Transfer request not found',
    fr: 'Demande de transfert introuvable',
    ar: 'طلب التحويل غير موجود',
  },
  only_owner_answers_request: {
    en: 'Only the owner of the case can answer a transfer request',
    fr: 'Seul le responsable du dossier peut répondre à une demande de transfert',
    ar: 'لا يمكن الرد على طلب التحويل إلا للمسؤول عن الحالة',
  },
  transfer_request_answered: {
    en: 'the transfer request is {status}',
    fr: "la demande de transfert n'est plus en attente",
    ar: 'لم يعد طلب التحويل قيد الانتظار',
  },
  requester_gone: {
    en: 'the requesting user is gone',
    fr: "la personne qui a fait la demande n'a plus de compte",
    ar: 'لم يعد للمستخدم صاحب الطلب حساب',
  },
  requester_not_here: {
    en: 'the requesting user is not a user of this country',
    fr: "la personne qui a fait la demande n'est pas un utilisateur de ce pays",
    ar: 'المستخدم صاحب الطلب ليس مستخدمًا في هذا البلد',
  },
  requester_other_module: {
    en: 'the requesting user does not work in this case’s module',
    fr: 'la personne qui a fait la demande ne travaille pas dans le module de ce dossier',
    ar: 'المستخدم صاحب الطلب لا يعمل في وحدة هذه الحالة',
  },
} as const satisfies Record<string, { en: string; fr: string; ar: string }>;
