/**
 * The home screen's names of the work it lists: task types (GET /tasks `type`) and what an alert is for
 * (GET /cases/{id}/alerts `alert_for`). A type the app does not know is shown as its words (Home.tsx).
 */
export const enHome = {
  'task.follow_up': 'Follow-up',
  'task.service': 'Service',
  'task.assessment': 'Assessment',
  'task.case_plan': 'Case plan',
  'alertFor.followup_due': 'Follow-up due',
  'alertFor.service_due': 'Service due',
  'alertFor.assessment_due': 'Assessment due',
  'alertFor.case_plan_due': 'Case plan due',
  'alertFor.approval': 'Approval requested',
  'home.alertsNone': 'No case has alerts.',
  'home.unreadable':
    'The tasks of {n} cases cannot be shown: they failed an integrity check. Give your administrator their references: {ids}.',
  'home.unreadable.one':
    'The tasks of a case cannot be shown: it failed an integrity check. Give your administrator its reference: {ids}.',
} as const;

export const frHome: Partial<Record<keyof typeof enHome, string>> = {
  'task.follow_up': 'Suivi',
  'task.service': 'Service',
  'task.assessment': 'Évaluation',
  'task.case_plan': 'Plan d’action',
  'alertFor.followup_due': 'Suivi à faire',
  'alertFor.service_due': 'Service à fournir',
  'alertFor.assessment_due': 'Évaluation à faire',
  'alertFor.case_plan_due': 'Plan d’action à faire',
  'alertFor.approval': 'Approbation demandée',
  'home.alertsNone': 'Aucun dossier n’a d’alerte.',
  'home.unreadable':
    'Les tâches de {n} dossiers ne peuvent pas être affichées : ils n’ont pas passé un contrôle d’intégrité. Donnez leurs références à votre administrateur : {ids}.',
  'home.unreadable.one':
    'Les tâches d’un dossier ne peuvent pas être affichées : il n’a pas passé un contrôle d’intégrité. Donnez sa référence à votre administrateur : {ids}.',
};

export const arHome: Partial<Record<keyof typeof enHome, string>> = {
  'task.follow_up': 'متابعة',
  'task.service': 'خدمة',
  'task.assessment': 'تقييم',
  'task.case_plan': 'خطة الحالة',
  'alertFor.followup_due': 'متابعة مستحقة',
  'alertFor.service_due': 'خدمة مستحقة',
  'alertFor.assessment_due': 'تقييم مستحق',
  'alertFor.case_plan_due': 'خطة حالة مستحقة',
  'alertFor.approval': 'طلب موافقة',
  'home.alertsNone': 'لا توجد حالة بها تنبيهات.',
  'home.unreadable': 'مهام حالات لا يمكن عرضها لأنها لم تجتز فحص السلامة: {n}. أعطِ المسؤول مراجعها: {ids}.',
};
