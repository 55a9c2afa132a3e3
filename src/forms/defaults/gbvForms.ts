import type { FormInput } from '../formSchema';
import {
  date,
  field,
  form,
  lookupSelect,
  numeric,
  subform,
  text,
  textarea,
  tick,
  type FormSpec,
  noteFields,
} from './build';

const gbv: FormSpec['modules'] = ['primeromodule-gbv'];
const both: FormSpec['modules'] = ['primeromodule-cp', 'primeromodule-gbv'];

/** The GBV module's case forms (survivor, consent, services, action plan, closure). */
export const gbvCaseForms: FormInput[] = [
  form(
    {
      unique_id: 'gbv_survivor_information',
      modules: gbv,
      name: ['Survivor information', 'Informations sur la personne survivante', 'معلومات الناجية'],
      core: true,
      first: true,
    },
    0,
    [
      text('survivor_code', ['Survivor code', 'Code de la personne survivante', 'رمز الناجية'], {
        protection: 'sealed_searchable',
        listable: true,
      }),
      text('name', ['Name', 'Nom', 'الاسم'], { protection: 'sealed_searchable' }),
      lookupSelect('sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender', { filterable: true, listable: true }),
      numeric('age', ['Age', 'Âge', 'العمر'], {
        min_value: 0,
        max_value: 130,
        protection: 'plain',
        filterable: true,
      }),
      date('date_of_birth', ['Date of birth', 'Date de naissance', 'تاريخ الميلاد'], {
        date_validation: 'not_future_date',
      }),
      lookupSelect('nationality', ['Nationality', 'Nationalité', 'الجنسية'], 'lookup-country', {
        multi_select: true,
      }),
      lookupSelect('language', ['Languages spoken', 'Langues parlées', 'اللغات المحكية'], 'lookup-language', {
        multi_select: true,
      }),
      lookupSelect(
        'gbv_marital_status',
        ['Marital status', 'Situation matrimoniale', 'الحالة الاجتماعية'],
        'lookup-marital-status',
      ),
      lookupSelect(
        'displacement_status',
        ['Displacement status', 'Statut de déplacement', 'حالة النزوح'],
        'lookup-displacement-status',
        { filterable: true },
      ),
      lookupSelect('disability_type', ['Disability', 'Handicap', 'الإعاقة'], 'lookup-disability-type'),
      tick('unaccompanied_separated_status', [
        'Unaccompanied or separated child',
        'Enfant non accompagné ou séparé',
        'طفل غير مصحوب أو منفصل',
      ]),
      field(
        'location_current',
        'select_box',
        ['Current location', 'Localisation actuelle', 'الموقع الحالي'],
        { option_strings_source: 'Location', protection: 'sealed_categorical' },
      ),
      text('telephone_current', ['Safe telephone number', 'Numéro de téléphone sûr', 'رقم هاتف آمن'], {
        phone_number: true,
      }),
      lookupSelect('status', ['Case status', 'Statut du dossier', 'حالة الملف'], 'lookup-case-status', {
        protection: 'plain',
        filterable: true,
      }),
      date('registration_date', ['Registration date', "Date d'enregistrement", 'تاريخ التسجيل'], {
        protection: 'plain',
      }),
    ],
  ),
  form({ unique_id: 'gbv_consent', modules: gbv, name: ['Consent', 'Consentement', 'الموافقة'] }, 1, [
    tick('consent_for_services', ['Consents to services', 'Consent aux services', 'توافق على الخدمات']),
    tick('disclosure_other_orgs', [
      'Consents to share with service providers',
      'Consent au partage avec les prestataires',
      'توافق على المشاركة مع مقدمي الخدمات',
    ]),
    tick('consent_share_health', [
      'Share with health services',
      'Partage avec les services de santé',
      'المشاركة مع الخدمات الصحية',
    ]),
    tick('consent_share_psychosocial', [
      'Share with psychosocial services',
      'Partage avec les services psychosociaux',
      'المشاركة مع خدمات الدعم النفسي',
    ]),
    tick('consent_share_legal', [
      'Share with legal services',
      'Partage avec les services juridiques',
      'المشاركة مع الخدمات القانونية',
    ]),
    tick('consent_share_police', ['Share with police', 'Partage avec la police', 'المشاركة مع الشرطة']),
    date('consent_date', ['Date of consent', 'Date du consentement', 'تاريخ الموافقة'], {
      date_validation: 'not_future_date',
    }),
    field('consent_signature', 'signature', ['Signature', 'Signature', 'التوقيع']),
  ]),
  form({ unique_id: 'gbv_services', modules: gbv, name: ['Services', 'Services', 'الخدمات'] }, 2, [
    {
      ...subform(
        'services_section',
        ['Services and referrals', 'Services et orientations', 'الخدمات والإحالات'],
        'gbv_services_section',
      ),
      role: 'services_subform',
    },
  ]),
  form(
    { unique_id: 'gbv_services_section', modules: gbv, name: ['Service', 'Service', 'خدمة'], nested: true },
    0,
    [
      {
        ...lookupSelect(
          'service_type',
          ['Type of service', 'Type de service', 'نوع الخدمة'],
          'lookup-service-type',
        ),
        role: 'service_type',
      },
      {
        ...date('service_appointment_date', ['Appointment date', 'Date du rendez-vous', 'تاريخ الموعد']),
        role: 'service_appointment_date',
      },
      text('service_provider', ['Service provider', 'Prestataire', 'مقدم الخدمة']),
      text('service_location', ['Service location', 'Lieu du service', 'موقع الخدمة']),
      {
        ...date('service_implemented_day_time', ['Implemented on', 'Mis en œuvre le', 'تاريخ التنفيذ'], {
          date_include_time: true,
        }),
        role: 'service_implemented_on',
      },
    ],
  ),
  form(
    { unique_id: 'gbv_action_plan', modules: gbv, name: ['Action plan', "Plan d'action", 'خطة العمل'] },
    3,
    [
      textarea('safety_plan', ['Safety plan', 'Plan de sécurité', 'خطة السلامة']),
      tick('safety_plan_needed', ['Safety plan needed', 'Plan de sécurité nécessaire', 'تحتاج خطة سلامة']),
      subform('action_plan_section', ['Actions', 'Actions', 'الإجراءات'], 'gbv_action_plan_section'),
    ],
  ),
  form(
    { unique_id: 'gbv_action_plan_section', modules: gbv, name: ['Action', 'Action', 'إجراء'], nested: true },
    0,
    [
      textarea('service_referral_notes', ['Action', 'Action', 'الإجراء']),
      date('action_plan_due_date', ['Due date', 'Échéance', 'تاريخ الاستحقاق']),
      tick('action_plan_done', ['Done', 'Fait', 'منجز']),
    ],
  ),
  form({ unique_id: 'gbv_closure', modules: gbv, name: ['Closure', 'Clôture', 'الإغلاق'] }, 4, [
    {
      ...date('date_closure', ['Date of closure', 'Date de clôture', 'تاريخ الإغلاق']),
      role: 'closure_date',
    },
    lookupSelect(
      'closure_reason',
      ['Reason for closure', 'Motif de clôture', 'سبب الإغلاق'],
      'lookup-closure-reason',
    ),
    tick('gbv_closure_survivor_safe', [
      'Survivor feels safe',
      'La personne survivante se sent en sécurité',
      'تشعر الناجية بالأمان',
    ]),
    textarea('closure_comments', ['Comments', 'Commentaires', 'تعليقات']),
  ]),
];

/** Incident forms, shared by both modules (a CP case can record an incident too). */
export const incidentForms: FormInput[] = [
  form(
    {
      unique_id: 'incident_details',
      parent_form: 'incident',
      modules: both,
      name: ['Incident details', "Détails de l'incident", 'تفاصيل الحادثة'],
      core: true,
      first: true,
    },
    0,
    [
      lookupSelect('status', ['Status', 'Statut', 'الحالة'], 'lookup-case-status', {
        protection: 'plain',
        filterable: true,
      }),
      field('module_id', 'select_box', ['Module', 'Module', 'الوحدة'], {
        option_strings_text: [
          { id: 'primeromodule-cp', display_text: { en: 'Child protection', fr: "Protection de l'enfance" } },
          {
            id: 'primeromodule-gbv',
            display_text: { en: 'Gender-based violence', fr: 'Violence basée sur le genre' },
          },
        ],
        protection: 'plain',
      }),
      date(
        'date_of_first_report',
        ['Date of first report', 'Date du premier signalement', 'تاريخ أول بلاغ'],
        { date_validation: 'not_future_date', protection: 'plain' },
      ),
      date('incident_date', ['Date of incident', "Date de l'incident", 'تاريخ الحادثة'], {
        date_validation: 'not_future_date',
        protection: 'plain',
      }),
      lookupSelect(
        'incident_timeofday',
        ['Time of day', 'Moment de la journée', 'وقت اليوم'],
        'lookup-time-of-day',
      ),
      lookupSelect(
        'incident_location_type',
        ['Place of incident', "Lieu de l'incident", 'مكان الحادثة'],
        'lookup-incident-location-type',
      ),
      text('incident_location', ['Location of incident', "Localisation de l'incident", 'موقع الحادثة']),
      textarea('incident_description', ['Account of the incident', "Récit de l'incident", 'وصف الحادثة']),
      lookupSelect(
        'gbv_sexual_violence_type',
        ['Type of violence', 'Type de violence', 'نوع العنف'],
        'lookup-gbv-violence-type',
        { filterable: true },
      ),
      text('harmful_traditional_practice', [
        'Harmful traditional practice',
        'Pratique traditionnelle néfaste',
        'ممارسة تقليدية ضارة',
      ]),
      tick('goods_money_exchanged', [
        'Goods or money exchanged',
        "Échange de biens ou d'argent",
        'تبادل سلع أو مال',
      ]),
      tick('gbv_reported_elsewhere', ['Reported elsewhere', 'Signalé ailleurs', 'أُبلغ عنها في مكان آخر']),
      tick('consent_reporting', ['Consents to reporting', 'Consent au signalement', 'توافق على الإبلاغ']),
      text('survivor_code', ['Survivor code', 'Code de la personne survivante', 'رمز الناجية'], {
        protection: 'sealed_searchable',
      }),
      text('name', ['Name', 'Nom', 'الاسم'], { protection: 'sealed_searchable' }),
      lookupSelect('sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender'),
      numeric('age', ['Age', 'Âge', 'العمر'], { min_value: 0, max_value: 130, protection: 'plain' }),
      {
        ...date('date_closure', ['Date of closure', 'Date de clôture', 'تاريخ الإغلاق']),
        role: 'closure_date',
      },
      subform(
        'perpetrator_subform_section',
        ['Alleged perpetrators', 'Auteurs présumés', 'الجناة المزعومون'],
        'perpetrator_subform_section',
      ),
      subform('notes_section', ['Notes', 'Notes', 'ملاحظات'], 'incident_notes_section'),
    ],
  ),
  form(
    {
      unique_id: 'perpetrator_subform_section',
      parent_form: 'incident',
      modules: both,
      name: ['Alleged perpetrator', 'Auteur présumé', 'الجاني المزعوم'],
      nested: true,
    },
    0,
    [
      lookupSelect('perpetrator_sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender'),
      lookupSelect('age_group', ['Age group', "Tranche d'âge", 'الفئة العمرية'], 'lookup-age-group'),
      lookupSelect(
        'perpetrator_relationship',
        ['Relationship to survivor', 'Lien avec la personne survivante', 'العلاقة بالناجية'],
        'lookup-perpetrator-relationship',
      ),
      text('perpetrator_occupation', ['Occupation', 'Profession', 'المهنة']),
      text('perpetrator_nationality', ['Nationality', 'Nationalité', 'الجنسية']),
      text('perpetrator_name', ['Name', 'Nom', 'الاسم']),
    ],
  ),
  form(
    {
      unique_id: 'incident_notes_section',
      parent_form: 'incident',
      modules: both,
      name: ['Note', 'Note', 'ملاحظة'],
      nested: true,
    },
    0,
    noteFields(),
  ),
];
