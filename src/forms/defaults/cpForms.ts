import type { FormInput } from '../formSchema';
import {
  date,
  field,
  form,
  inlineSelect,
  lookupSelect,
  numeric,
  separator,
  subform,
  text,
  textarea,
  tick,
  type FormSpec,
  noteFields,
} from './build';

const cp: FormSpec['modules'] = ['primeromodule-cp'];
const spec = (unique_id: string, name: FormSpec['name'], extra: Partial<FormSpec> = {}): FormSpec => ({
  unique_id,
  modules: cp,
  name,
  ...extra,
});
const listed = { listable: true, sortable: true } as const;

/**
 * The child protection module's case forms, with Primero's field names. Every field the fixed case schema
 * had is here (today's records stay valid); the rest is what a CP case file holds in practice.
 */
export const cpForms: FormInput[] = [
  form(
    spec('record_information', ['Record information', 'Informations sur le dossier', 'معلومات الملف'], {
      core: true,
    }),
    0,
    [
      lookupSelect('status', ['Case status', 'Statut du dossier', 'حالة الملف'], 'lookup-case-status', {
        protection: 'plain',
        filterable: true,
        ...listed,
      }),
      inlineSelect(
        'module_id',
        ['Module', 'Module', 'الوحدة'],
        [
          ['primeromodule-cp', ['Child protection', "Protection de l'enfance", 'حماية الطفل']],
          [
            'primeromodule-gbv',
            ['Gender-based violence', 'Violence basée sur le genre', 'العنف القائم على النوع'],
          ],
        ],
        { protection: 'plain', filterable: true },
      ),
      date('registration_date', ['Registration date', "Date d'enregistrement", 'تاريخ التسجيل'], {
        date_validation: 'not_future_date',
        protection: 'plain',
        filterable: true,
        ...listed,
      }),
    ],
  ),
  form(
    spec('basic_identity', ['Basic identity', 'Identité', 'الهوية الأساسية'], { core: true, first: true }),
    1,
    [
      text('name', ['Full name', 'Nom complet', 'الاسم الكامل'], {
        protection: 'sealed_searchable',
        listable: true,
      }),
      text('name_first', ['First name', 'Prénom', 'الاسم الأول'], { protection: 'sealed_searchable' }),
      text('name_middle', ['Middle name', 'Deuxième prénom', 'الاسم الأوسط'], {
        protection: 'sealed_searchable',
      }),
      text('name_last', ['Surname', 'Nom de famille', 'اسم العائلة'], { protection: 'sealed_searchable' }),
      text('name_nickname', ['Nickname', 'Surnom', 'اللقب'], { protection: 'sealed_searchable' }),
      text('name_other', ['Other names', 'Autres noms', 'أسماء أخرى']),
      lookupSelect('sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender', { filterable: true, ...listed }),
      numeric('age', ['Age', 'Âge', 'العمر'], {
        min_value: 0,
        max_value: 130,
        protection: 'plain',
        filterable: true,
        ...listed,
      }),
      date('date_of_birth', ['Date of birth', 'Date de naissance', 'تاريخ الميلاد'], {
        date_validation: 'not_future_date',
      }),
      tick('estimated', [
        'Age or date of birth estimated',
        'Âge ou date de naissance estimés',
        'العمر أو تاريخ الميلاد تقديري',
      ]),
      lookupSelect('nationality', ['Nationality', 'Nationalité', 'الجنسية'], 'lookup-country', {
        multi_select: true,
      }),
      lookupSelect('language', ['Languages spoken', 'Langues parlées', 'اللغات المحكية'], 'lookup-language', {
        multi_select: true,
      }),
      text('ethnicity', ['Ethnicity', 'Ethnie', 'الأصل العرقي']),
      text('religion', ['Religion', 'Religion', 'الدين']),
      text('place_of_birth', ['Place of birth', 'Lieu de naissance', 'مكان الميلاد']),
      lookupSelect(
        'birth_registered',
        ['Birth registered', 'Naissance enregistrée', 'الولادة مسجلة'],
        'lookup-yes-no-unknown',
      ),
      lookupSelect(
        'displacement_status',
        ['Displacement status', 'Statut de déplacement', 'حالة النزوح'],
        'lookup-displacement-status',
        { filterable: true },
      ),
      tick('has_disability', ['Has a disability', 'A un handicap', 'لديه إعاقة'], { filterable: true }),
      lookupSelect(
        'disability_type',
        ['Type of disability', 'Type de handicap', 'نوع الإعاقة'],
        'lookup-disability-type',
        {
          display_conditions_record: { eq: { has_disability: true } },
        },
      ),
      text(
        'id_document_number',
        ['Identity document number', "Numéro de pièce d'identité", 'رقم وثيقة الهوية'],
        { protection: 'sealed_searchable' },
      ),
      separator('current_location_separator', ['Current location', 'Localisation actuelle', 'الموقع الحالي']),
      field(
        'location_current',
        'select_box',
        ['Current location', 'Localisation actuelle', 'الموقع الحالي'],
        {
          option_strings_source: 'Location',
          protection: 'sealed_categorical',
          filterable: true,
        },
      ),
      textarea('address_current', ['Current address', 'Adresse actuelle', 'العنوان الحالي'], {
        max_length: 1000,
      }),
      text('telephone_current', ['Telephone', 'Téléphone', 'الهاتف'], { phone_number: true, max_length: 50 }),
      text('interview_subject', ['Person interviewed', 'Personne interrogée', 'الشخص الذي تمت مقابلته']),
      date('interview_date', ['Date of interview', "Date de l'entretien", 'تاريخ المقابلة'], {
        date_validation: 'not_future_date',
      }),
      field('photos', 'photo_upload_box', ['Photos', 'Photos', 'الصور']),
    ],
  ),
  form(spec('consent', ['Consent', 'Consentement', 'الموافقة']), 2, [
    tick(
      'consent_for_services',
      ['Consent to receive services', 'Consentement aux services', 'الموافقة على تلقي الخدمات'],
      { filterable: true },
    ),
    tick('disclosure_other_orgs', [
      'Consent to share with other organisations',
      "Consentement au partage avec d'autres organisations",
      'الموافقة على المشاركة مع جهات أخرى',
    ]),
    tick('consent_for_tracing', [
      'Consent for family tracing',
      'Consentement à la recherche familiale',
      'الموافقة على البحث عن الأسرة',
    ]),
    inlineSelect(
      'consent_source',
      ['Consent given by', 'Consentement donné par', 'الموافقة مقدمة من'],
      [
        ['child', ['The child', "L'enfant", 'الطفل']],
        ['caregiver', ['The caregiver', 'La personne en charge', 'مقدّم الرعاية']],
        ['both', ['Child and caregiver', 'Enfant et personne en charge', 'الطفل ومقدّم الرعاية']],
      ],
    ),
    date('consent_date', ['Date of consent', 'Date du consentement', 'تاريخ الموافقة'], {
      date_validation: 'not_future_date',
    }),
    textarea('consent_notes', ['Notes on consent', 'Notes sur le consentement', 'ملاحظات على الموافقة']),
    field('consent_signature', 'signature', ['Signature', 'Signature', 'التوقيع']),
  ]),
  form(
    spec('family_details', [
      'Family and caregivers',
      'Famille et personnes en charge',
      'الأسرة ومقدمو الرعاية',
    ]),
    3,
    [
      lookupSelect(
        'care_arrangements_type',
        ['Current care arrangement', 'Prise en charge actuelle', 'ترتيب الرعاية الحالي'],
        'lookup-care-arrangement',
        { filterable: true },
      ),
      text('caregiver_name', [
        'Name of current caregiver',
        'Nom de la personne en charge',
        'اسم مقدّم الرعاية الحالي',
      ]),
      lookupSelect(
        'caregiver_sex',
        ['Caregiver sex', 'Sexe de la personne en charge', 'جنس مقدّم الرعاية'],
        'lookup-gender',
      ),
      numeric('caregiver_age', ['Caregiver age', 'Âge de la personne en charge', 'عمر مقدّم الرعاية'], {
        min_value: 0,
        max_value: 130,
      }),
      numeric('number_of_siblings', ['Number of siblings', 'Nombre de frères et sœurs', 'عدد الإخوة'], {
        min_value: 0,
        max_value: 30,
      }),
      lookupSelect(
        'caregiver_relationship',
        ['Caregiver relationship', 'Lien avec la personne en charge', 'صلة مقدّم الرعاية'],
        'lookup-family-relationship',
      ),
      text(
        'caregiver_telephone',
        ['Caregiver telephone', 'Téléphone de la personne en charge', 'هاتف مقدّم الرعاية'],
        { phone_number: true },
      ),
      tick('caregiver_willing_to_continue', [
        'Caregiver willing to continue care',
        'Personne en charge disposée à continuer',
        'مقدّم الرعاية مستعد للاستمرار',
      ]),
      numeric('family_size', ['Household size', 'Taille du ménage', 'حجم الأسرة'], {
        min_value: 1,
        max_value: 50,
      }),
      tick('separated_from_family', ['Separated from family', 'Séparé de sa famille', 'منفصل عن أسرته'], {
        filterable: true,
      }),
      date('date_of_separation', ['Date of separation', 'Date de séparation', 'تاريخ الانفصال'], {
        date_validation: 'not_future_date',
        display_conditions_record: { eq: { separated_from_family: true } },
      }),
      textarea('separation_cause', ['Cause of separation', 'Cause de la séparation', 'سبب الانفصال'], {
        display_conditions_record: { eq: { separated_from_family: true } },
      }),
      subform(
        'family_details_section',
        ['Family members', 'Membres de la famille', 'أفراد الأسرة'],
        'family_details_section',
      ),
      textarea('family_notes', ['Notes on the family', 'Notes sur la famille', 'ملاحظات عن الأسرة']),
    ],
  ),
  form(
    spec('family_details_section', ['Family member', 'Membre de la famille', 'فرد من الأسرة'], {
      nested: true,
    }),
    0,
    [
      text('relation_name', ['Name', 'Nom', 'الاسم']),
      lookupSelect(
        'relation',
        ['Relationship', 'Lien de parenté', 'صلة القرابة'],
        'lookup-family-relationship',
      ),
      lookupSelect('relation_sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender'),
      numeric('relation_age', ['Age', 'Âge', 'العمر'], { min_value: 0, max_value: 130 }),
      lookupSelect('relation_is_alive', ['Alive', 'En vie', 'على قيد الحياة'], 'lookup-yes-no-unknown'),
      tick('relation_is_caregiver', ['Is the caregiver', 'Est la personne en charge', 'هو مقدّم الرعاية']),
      tick('relation_child_lives_with', [
        'Child lives with them',
        "L'enfant vit avec cette personne",
        'يعيش الطفل معه',
      ]),
      field(
        'relation_location_current',
        'select_box',
        ['Current location', 'Localisation actuelle', 'الموقع الحالي'],
        { option_strings_source: 'Location' },
      ),
      textarea('relation_address_current', ['Address', 'Adresse', 'العنوان']),
      text('relation_telephone', ['Telephone', 'Téléphone', 'الهاتف'], { phone_number: true }),
    ],
  ),
  form(
    spec('protection_concern_details', [
      'Protection concerns',
      'Préoccupations de protection',
      'مخاوف الحماية',
    ]),
    4,
    [
      lookupSelect(
        'protection_concerns',
        ['Protection concerns', 'Préoccupations de protection', 'مخاوف الحماية'],
        'lookup-protection-concerns',
        {
          multi_select: true,
          filterable: true,
        },
      ),
      text('protection_concerns_other', ['Other protection concern', 'Autre préoccupation', 'مخاوف أخرى'], {
        display_conditions_record: { in: { protection_concerns: ['other'] } },
      }),
      lookupSelect('risk_level', ['Risk level', 'Niveau de risque', 'مستوى الخطر'], 'lookup-risk-level', {
        filterable: true,
        ...listed,
      }),
      text('referral_source', ['Referred by', 'Orienté par', 'أحاله']),
      field(
        'referral_source_agency',
        'select_box',
        ['Referring agency', "Agence d'orientation", 'الجهة المحيلة'],
        {
          option_strings_source: 'Agency',
        },
      ),
      field('case_focal_point', 'select_box', ['Focal point', 'Point focal', 'جهة الاتصال'], {
        option_strings_source: 'User',
      }),
      tick(
        'urgent_protection_concern',
        ['Urgent protection concern', 'Préoccupation urgente', 'مخاوف حماية عاجلة'],
        { filterable: true },
      ),
      date('date_concern_identified', ['Date identified', "Date d'identification", 'تاريخ التحديد'], {
        date_validation: 'not_future_date',
      }),
      textarea('protection_concern_summary', [
        'Summary of concerns',
        'Résumé des préoccupations',
        'ملخص المخاوف',
      ]),
      textarea('immediate_action_taken', [
        'Immediate action taken',
        'Mesures immédiates',
        'الإجراءات الفورية المتخذة',
      ]),
    ],
  ),
  form(spec('assessment', ['Assessment', 'Évaluation', 'التقييم']), 5, [
    {
      ...date('assessment_requested_on', [
        'Assessment requested on',
        'Évaluation demandée le',
        'تاريخ طلب التقييم',
      ]),
      role: 'assessment_started_on',
    },
    {
      ...date('assessment_due_date', ['Assessment due', 'Évaluation prévue le', 'موعد التقييم']),
      role: 'assessment_due_date',
    },
    date('assessment_date', ['Date of assessment', "Date de l'évaluation", 'تاريخ التقييم'], {
      date_validation: 'not_future_date',
    }),
    lookupSelect(
      'has_birth_certificate',
      ['Has a birth certificate', 'A un acte de naissance', 'لديه شهادة ميلاد'],
      'lookup-yes-no-unknown',
    ),
    lookupSelect(
      'has_food_security',
      ['Enough food', 'Nourriture suffisante', 'غذاء كاف'],
      'lookup-yes-no-unknown',
    ),
    separator('wellbeing_separator', ['Wellbeing', 'Bien-être', 'الرفاه']),
    lookupSelect(
      'health_status_good',
      ['In good health', 'En bonne santé', 'في صحة جيدة'],
      'lookup-yes-no-unknown',
    ),
    tick('has_medical_needs', ['Has medical needs', 'A des besoins médicaux', 'لديه احتياجات طبية']),
    textarea('medical_needs_details', ['Medical needs', 'Besoins médicaux', 'الاحتياجات الطبية'], {
      display_conditions_record: { eq: { has_medical_needs: true } },
    }),
    lookupSelect('education_status', ['Education', 'Éducation', 'التعليم'], 'lookup-education-status'),
    text('school_name', ['School', 'École', 'المدرسة'], {
      display_conditions_record: { eq: { education_status: 'in_school' } },
    }),
    text('school_grade', ['Grade', 'Classe', 'الصف'], {
      display_conditions_record: { eq: { education_status: 'in_school' } },
    }),
    lookupSelect(
      'basic_needs_met',
      ['Basic needs met', 'Besoins de base satisfaits', 'الاحتياجات الأساسية ملباة'],
      'lookup-yes-no-unknown',
    ),
    lookupSelect(
      'safe_at_home',
      ['Safe where they live', 'En sécurité là où il vit', 'آمن في مكان سكنه'],
      'lookup-yes-no-unknown',
    ),
    tick('child_working', ['Child is working', "L'enfant travaille", 'الطفل يعمل']),
    numeric(
      'working_hours_per_week',
      ['Working hours per week', 'Heures de travail par semaine', 'ساعات العمل أسبوعيًا'],
      {
        min_value: 0,
        max_value: 120,
        display_conditions_record: { eq: { child_working: true } },
      },
    ),
    textarea('child_views', [
      "The child's views and wishes",
      "Avis et souhaits de l'enfant",
      'آراء الطفل ورغباته',
    ]),
    textarea('caregiver_views', [
      "The caregiver's views",
      'Avis de la personne en charge',
      'آراء مقدّم الرعاية',
    ]),
    textarea('assessment_summary', ['Assessment summary', "Synthèse de l'évaluation", 'ملخص التقييم']),
    field('assessment_documents', 'document_upload_box', [
      'Assessment documents',
      "Documents d'évaluation",
      'وثائق التقييم',
    ]),
  ]),
  form(
    spec(
      'psychosocial_assessment',
      ['Psychosocial assessment', 'Évaluation psychosociale', 'التقييم النفسي الاجتماعي'],
      {
        description: [
          'For trained psychosocial staff only',
          'Réservé au personnel psychosocial formé',
          'للعاملين المدربين في الدعم النفسي فقط',
        ],
      },
    ),
    6,
    [
      date(
        'pss_assessment_date',
        ['Date of psychosocial assessment', "Date de l'évaluation psychosociale", 'تاريخ التقييم النفسي'],
        { date_validation: 'not_future_date' },
      ),
      inlineSelect(
        'pss_distress_level',
        ['Level of distress', 'Niveau de détresse', 'مستوى الضيق'],
        [
          ['none', ['None', 'Aucun', 'لا يوجد']],
          ['mild', ['Mild', 'Léger', 'خفيف']],
          ['moderate', ['Moderate', 'Modéré', 'متوسط']],
          ['severe', ['Severe', 'Sévère', 'شديد']],
        ],
      ),
      inlineSelect(
        'pss_symptoms',
        ['Symptoms observed', 'Symptômes observés', 'الأعراض الملاحظة'],
        [
          ['sleep', ['Sleep problems', 'Troubles du sommeil', 'مشاكل في النوم']],
          ['withdrawal', ['Withdrawal', 'Repli sur soi', 'الانطواء']],
          ['aggression', ['Aggression', 'Agressivité', 'العدوانية']],
          ['fear', ['Persistent fear', 'Peur persistante', 'خوف مستمر']],
          ['concentration', ['Poor concentration', 'Manque de concentration', 'ضعف التركيز']],
        ],
        { multi_select: true },
      ),
      lookupSelect(
        'pss_self_harm_risk',
        ['Risk of self-harm', "Risque d'automutilation", 'خطر إيذاء النفس'],
        'lookup-risk-level',
      ),
      tick('pss_referral_needed', [
        'Specialist referral needed',
        'Orientation spécialisée nécessaire',
        'يحتاج إحالة متخصصة',
      ]),
      field(
        'pss_wellbeing_score',
        'tally_field',
        ['Wellbeing scores', 'Scores de bien-être', 'درجات الرفاه'],
        {
          tally: { en: ['emotional', 'social', 'physical'], fr: ['émotionnel', 'social', 'physique'] },
        },
      ),
      textarea('pss_notes', ['Psychosocial notes', 'Notes psychosociales', 'ملاحظات نفسية اجتماعية']),
      field('pss_audio_note', 'audio_upload_box', ['Audio note', 'Note audio', 'ملاحظة صوتية']),
    ],
  ),
  form(spec('case_plan', ['Case plan', "Plan d'action", 'خطة الحالة']), 7, [
    {
      ...date('case_plan_due_date', ['Case plan due', 'Plan prévu le', 'موعد خطة الحالة']),
      role: 'case_plan_due_date',
    },
    {
      ...date('date_case_plan', ['Date of case plan', 'Date du plan', 'تاريخ خطة الحالة']),
      role: 'case_plan_started_on',
    },
    field('case_plan_timeframe', 'date_range', ['Case plan period', 'Période du plan', 'فترة الخطة']),
    textarea('case_plan_goals', ['Goals', 'Objectifs', 'الأهداف']),
    tick('case_plan_child_involved', [
      'Child took part in the plan',
      "L'enfant a participé au plan",
      'شارك الطفل في الخطة',
    ]),
    tick('case_plan_caregiver_involved', [
      'Caregiver took part in the plan',
      'La personne en charge a participé',
      'شارك مقدّم الرعاية في الخطة',
    ]),
    subform(
      'cp_case_plan_subform_case_plan_interventions',
      ['Interventions', 'Interventions', 'التدخلات'],
      'case_plan_interventions',
    ),
    date('case_plan_review_date', ['Next review', 'Prochaine revue', 'المراجعة القادمة']),
    textarea('case_plan_notes', ['Notes', 'Notes', 'ملاحظات']),
  ]),
  form(spec('case_plan_interventions', ['Intervention', 'Intervention', 'تدخل'], { nested: true }), 0, [
    textarea('intervention_service_to_be_provided', [
      'Action or service',
      'Action ou service',
      'الإجراء أو الخدمة',
    ]),
    textarea('intervention_service_goal', ['Goal', 'Objectif', 'الهدف']),
    text('intervention_responsible', ['Responsible', 'Responsable', 'المسؤول']),
    date('intervention_due_date', ['Due date', 'Échéance', 'تاريخ الاستحقاق']),
    inlineSelect(
      'intervention_status',
      ['Status', 'Statut', 'الحالة'],
      [
        ['planned', ['Planned', 'Prévu', 'مخطط']],
        ['in_progress', ['In progress', 'En cours', 'قيد التنفيذ']],
        ['done', ['Done', 'Fait', 'منجز']],
        ['dropped', ['Dropped', 'Abandonné', 'ملغى']],
      ],
    ),
  ]),
  form(spec('services', ['Services', 'Services', 'الخدمات']), 8, [
    {
      ...subform('services_section', ['Services', 'Services', 'الخدمات'], 'services_section'),
      role: 'services_subform',
    },
  ]),
  form(spec('services_section', ['Service', 'Service', 'خدمة'], { nested: true }), 0, [
    {
      ...lookupSelect(
        'service_type',
        ['Type of service', 'Type de service', 'نوع الخدمة'],
        'lookup-service-type',
      ),
      role: 'service_type',
    },
    inlineSelect(
      'service_response_type',
      ['Response type', 'Type de réponse', 'نوع الاستجابة'],
      [
        ['care_plan', ['Care plan', 'Plan de prise en charge', 'خطة الرعاية']],
        ['service_provision', ['Service provision', 'Prestation de service', 'تقديم الخدمة']],
        ['referral', ['Referral', 'Orientation', 'إحالة']],
      ],
    ),
    {
      ...date(
        'service_response_day_time',
        ['Response date and time', 'Date et heure de la réponse', 'تاريخ ووقت الاستجابة'],
        { date_include_time: true },
      ),
      role: 'service_requested_at',
    },
    {
      ...inlineSelect(
        'service_response_timeframe',
        ['Timeframe', 'Délai', 'الإطار الزمني'],
        [
          ['1_hour', ['Within an hour', "Dans l'heure", 'خلال ساعة']],
          ['3_hours', ['Within 3 hours', 'Dans les 3 heures', 'خلال 3 ساعات']],
          ['1_day', ['Within a day', 'Dans la journée', 'خلال يوم']],
          ['3_days', ['Within 3 days', 'Dans les 3 jours', 'خلال 3 أيام']],
        ],
      ),
      role: 'service_timeframe',
    },
    {
      ...date('service_appointment_date', ['Appointment date', 'Date du rendez-vous', 'تاريخ الموعد']),
      role: 'service_appointment_date',
    },
    {
      ...inlineSelect(
        'service_implemented',
        ['Implemented', 'Mis en œuvre', 'تم التنفيذ'],
        [
          ['implemented', ['Implemented', 'Mis en œuvre', 'تم التنفيذ']],
          ['not_implemented', ['Not implemented', 'Non mis en œuvre', 'لم يُنفذ']],
        ],
      ),
      role: 'service_implemented',
    },
    {
      ...date('service_implemented_day_time', ['Implemented on', 'Mis en œuvre le', 'تاريخ التنفيذ'], {
        date_include_time: true,
      }),
      role: 'service_implemented_on',
    },
    text('service_provider', ['Service provider', 'Prestataire', 'مقدم الخدمة']),
    text('service_location', ['Service location', 'Lieu du service', 'موقع الخدمة']),
  ]),
  form(spec('followup', ['Follow-up', 'Suivi', 'المتابعة']), 9, [
    {
      ...subform(
        'followup_subform_section',
        ['Follow-ups', 'Suivis', 'المتابعات'],
        'followup_subform_section',
      ),
      role: 'followup_subform',
    },
  ]),
  form(spec('followup_subform_section', ['Follow-up', 'Suivi', 'متابعة'], { nested: true }), 0, [
    {
      ...lookupSelect(
        'followup_type',
        ['Type of follow-up', 'Type de suivi', 'نوع المتابعة'],
        'lookup-followup-type',
      ),
      role: 'followup_type',
    },
    {
      ...date('followup_needed_by_date', ['Needed by', 'À faire avant le', 'مطلوب قبل']),
      role: 'followup_due_date',
    },
    {
      // When it was done: a follow-up planned ahead is the "needed by" date.
      ...date('followup_date', ['Date of follow-up', 'Date du suivi', 'تاريخ المتابعة'], {
        date_validation: 'not_future_date',
      }),
      role: 'followup_done_date',
    },
    tick('child_was_seen', ['Child was seen', "L'enfant a été vu", 'تمت رؤية الطفل']),
    textarea(
      'reason_child_not_seen',
      ['Why the child was not seen', "Pourquoi l'enfant n'a pas été vu", 'سبب عدم رؤية الطفل'],
      {
        display_conditions_record: { eq: { child_was_seen: false } },
      },
    ),
    textarea('followup_action_taken', ['Action taken', 'Mesures prises', 'الإجراء المتخذ']),
    tick('need_further_followup', [
      'Further follow-up needed',
      'Suivi supplémentaire nécessaire',
      'يحتاج متابعة إضافية',
    ]),
    textarea('followup_comments', ['Comments', 'Commentaires', 'تعليقات']),
  ]),
  form(spec('notes', ['Notes', 'Notes', 'ملاحظات']), 10, [
    subform('notes_section', ['Notes', 'Notes', 'ملاحظات'], 'notes_section'),
  ]),
  form(spec('notes_section', ['Note', 'Note', 'ملاحظة'], { nested: true }), 0, noteFields()),
  form(
    spec('case_supervision', ['Supervision', 'Supervision', 'الإشراف'], {
      description: [
        "The supervisor's review of the case",
        'La revue du dossier par le superviseur',
        'مراجعة المشرف للحالة',
      ],
    }),
    11,
    [
      date('supervisor_review_date', ['Date of review', 'Date de la revue', 'تاريخ المراجعة']),
      lookupSelect(
        'supervisor_risk_level_agreed',
        ['Risk level agreed', 'Niveau de risque validé', 'مستوى الخطر المتفق عليه'],
        'lookup-risk-level',
      ),
      tick('supervisor_action_required', [
        'Action required from caseworker',
        "Action requise de l'intervenant",
        'مطلوب إجراء من الأخصائي',
      ]),
      textarea('supervisor_comments', [
        "Supervisor's comments",
        'Commentaires du superviseur',
        'تعليقات المشرف',
      ]),
    ],
  ),
  form(spec('closure', ['Closure', 'Clôture', 'الإغلاق']), 12, [
    {
      ...date('date_closure', ['Date of closure', 'Date de clôture', 'تاريخ الإغلاق']),
      role: 'closure_date',
    },
    lookupSelect(
      'closure_reason',
      ['Reason for closure', 'Motif de clôture', 'سبب الإغلاق'],
      'lookup-closure-reason',
      { filterable: true },
    ),
    text('closure_reason_other', ['Other reason', 'Autre motif', 'سبب آخر'], {
      display_conditions_record: { eq: { closure_reason: 'other' } },
    }),
    tick('closure_case_plan_met', ['Case plan goals met', 'Objectifs du plan atteints', 'تحققت أهداف الخطة']),
    tick('closure_child_safe', ['Child is safe', "L'enfant est en sécurité", 'الطفل في أمان']),
    tick('closure_ongoing_services', [
      'Services continue after closure',
      'Services poursuivis après la clôture',
      'تستمر الخدمات بعد الإغلاق',
    ]),
    date('closure_followup_date', ['Post-closure check', 'Vérification après clôture', 'متابعة بعد الإغلاق']),
    textarea('closure_child_feedback', ["The child's feedback", "Retour de l'enfant", 'ملاحظات الطفل']),
    textarea('closure_comments', ['Comments', 'Commentaires', 'تعليقات']),
  ]),
];
