import { options, tr, type Text } from './build';

/** A lookup as stored (Primero's shape: translated name, option list). */
export interface DefaultLookup {
  unique_id: string;
  name: Record<string, string>;
  locked: boolean;
  values: { id: string; display_text: Record<string, string> }[];
}
const lookup = (
  unique_id: string,
  name: Text,
  values: readonly (readonly [string, Text])[],
): DefaultLookup => ({
  unique_id,
  name: tr(name),
  locked: true,
  values: options(values),
});

const yes = ['yes', ['Yes', 'Oui', 'نعم']] as const;
const no = ['no', ['No', 'Non', 'لا']] as const;
const unknown = ['unknown', ['Unknown', 'Inconnu', 'غير معروف']] as const;

/** The option lists of the default CP and GBV forms. Ids are what records store; never rename one. */
export const defaultLookups: DefaultLookup[] = [
  lookup(
    'lookup-gender',
    ['Sex', 'Sexe', 'الجنس'],
    [
      ['female', ['Female', 'Féminin', 'أنثى']],
      ['male', ['Male', 'Masculin', 'ذكر']],
      ['other', ['Other', 'Autre', 'آخر']],
      unknown,
    ],
  ),
  lookup(
    'lookup-yes-no-unknown',
    ['Yes, no, unknown', 'Oui, non, inconnu', 'نعم، لا، غير معروف'],
    [yes, no, unknown],
  ),
  lookup(
    'lookup-risk-level',
    ['Risk level', 'Niveau de risque', 'مستوى الخطر'],
    [
      ['high', ['High', 'Élevé', 'مرتفع']],
      ['medium', ['Medium', 'Moyen', 'متوسط']],
      ['low', ['Low', 'Faible', 'منخفض']],
    ],
  ),
  lookup(
    'lookup-case-status',
    ['Case status', 'Statut du dossier', 'حالة الملف'],
    [
      ['open', ['Open', 'Ouvert', 'مفتوح']],
      ['closed', ['Closed', 'Fermé', 'مغلق']],
      ['transferred', ['Transferred', 'Transféré', 'محوّل']],
      ['identified', ['Identified', 'Identifié', 'محدد']],
    ],
  ),
  lookup(
    'lookup-country',
    ['Nationality', 'Nationalité', 'الجنسية'],
    [
      ['ghana', ['Ghana', 'Ghana', 'غانا']],
      ['kenya', ['Kenya', 'Kenya', 'كينيا']],
      ['somalia', ['Somalia', 'Somalie', 'الصومال']],
      ['south_sudan', ['South Sudan', 'Soudan du Sud', 'جنوب السودان']],
      ['sudan', ['Sudan', 'Soudan', 'السودان']],
      ['burkina_faso', ['Burkina Faso', 'Burkina Faso', 'بوركينا فاسو']],
      ['cote_d_ivoire', ["Côte d'Ivoire", "Côte d'Ivoire", 'ساحل العاج']],
      ['togo', ['Togo', 'Togo', 'توغو']],
      ['nigeria', ['Nigeria', 'Nigéria', 'نيجيريا']],
      ['ethiopia', ['Ethiopia', 'Éthiopie', 'إثيوبيا']],
      ['uganda', ['Uganda', 'Ouganda', 'أوغندا']],
      ['stateless', ['Stateless', 'Apatride', 'عديم الجنسية']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-language',
    ['Language', 'Langue', 'اللغة'],
    [
      ['english', ['English', 'Anglais', 'الإنجليزية']],
      ['french', ['French', 'Français', 'الفرنسية']],
      ['arabic', ['Arabic', 'Arabe', 'العربية']],
      ['swahili', ['Swahili', 'Swahili', 'السواحيلية']],
      ['somali', ['Somali', 'Somali', 'الصومالية']],
      ['twi', ['Twi', 'Twi', 'التوي']],
      ['ewe', ['Ewe', 'Éwé', 'الإيوي']],
      ['hausa', ['Hausa', 'Haoussa', 'الهوسا']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-displacement-status',
    ['Displacement status', 'Statut de déplacement', 'حالة النزوح'],
    [
      ['resident', ['Resident', 'Résident', 'مقيم']],
      ['idp', ['Internally displaced', 'Déplacé interne', 'نازح داخليًا']],
      ['refugee', ['Refugee', 'Réfugié', 'لاجئ']],
      ['returnee', ['Returnee', 'Rapatrié', 'عائد']],
      ['asylum_seeker', ['Asylum seeker', "Demandeur d'asile", 'طالب لجوء']],
      ['migrant', ['Migrant', 'Migrant', 'مهاجر']],
    ],
  ),
  lookup(
    'lookup-disability-type',
    ['Disability', 'Handicap', 'الإعاقة'],
    [
      ['none', ['None', 'Aucun', 'لا يوجد']],
      ['physical', ['Physical', 'Physique', 'جسدية']],
      ['sensory', ['Sensory', 'Sensoriel', 'حسية']],
      ['intellectual', ['Intellectual', 'Intellectuel', 'ذهنية']],
      ['mental', ['Psychosocial', 'Psychosocial', 'نفسية اجتماعية']],
      ['multiple', ['Multiple', 'Multiple', 'متعددة']],
    ],
  ),
  lookup(
    'lookup-family-relationship',
    ['Relationship', 'Lien de parenté', 'صلة القرابة'],
    [
      ['mother', ['Mother', 'Mère', 'الأم']],
      ['father', ['Father', 'Père', 'الأب']],
      ['sister', ['Sister', 'Sœur', 'الأخت']],
      ['brother', ['Brother', 'Frère', 'الأخ']],
      ['grandmother', ['Grandmother', 'Grand-mère', 'الجدة']],
      ['grandfather', ['Grandfather', 'Grand-père', 'الجد']],
      ['aunt', ['Aunt', 'Tante', 'العمة أو الخالة']],
      ['uncle', ['Uncle', 'Oncle', 'العم أو الخال']],
      ['foster_parent', ['Foster parent', "Parent d'accueil", 'والد حاضن']],
      ['other_family', ['Other family', 'Autre membre de la famille', 'قريب آخر']],
      ['other_nonfamily', ['Not family', 'Hors famille', 'ليس من العائلة']],
    ],
  ),
  lookup(
    'lookup-care-arrangement',
    ['Care arrangement', 'Mode de prise en charge', 'ترتيب الرعاية'],
    [
      ['parents', ['With parents', 'Avec ses parents', 'مع الوالدين']],
      ['kinship', ['Kinship care', 'Prise en charge familiale', 'رعاية الأقارب']],
      ['foster', ['Foster care', "Famille d'accueil", 'الرعاية البديلة']],
      ['residential', ['Residential care', 'Prise en charge résidentielle', 'رعاية مؤسسية']],
      ['independent', ['Independent living', 'Vit seul', 'يعيش مستقلًا']],
      ['child_headed', ['Child-headed household', 'Ménage dirigé par un enfant', 'أسرة يعيلها طفل']],
      ['street', ['Living on the street', 'Vit dans la rue', 'يعيش في الشارع']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-protection-concerns',
    ['Protection concerns', 'Préoccupations de protection', 'مخاوف الحماية'],
    [
      ['unaccompanied', ['Unaccompanied', 'Non accompagné', 'غير مصحوب']],
      ['separated', ['Separated', 'Séparé', 'منفصل']],
      ['physical_violence', ['Physical violence', 'Violence physique', 'عنف جسدي']],
      ['sexual_violence', ['Sexual violence', 'Violence sexuelle', 'عنف جنسي']],
      ['neglect', ['Neglect', 'Négligence', 'إهمال']],
      ['child_labour', ['Child labour', 'Travail des enfants', 'عمل الأطفال']],
      ['child_marriage', ['Child marriage', "Mariage d'enfants", 'زواج الأطفال']],
      [
        'caafag',
        [
          'Associated with armed forces or groups',
          'Associé aux forces ou groupes armés',
          'مرتبط بقوات أو جماعات مسلحة',
        ],
      ],
      ['trafficking', ['Trafficking', 'Traite', 'الاتجار']],
      ['disability', ['Child with disability', 'Enfant handicapé', 'طفل ذو إعاقة']],
      ['psychosocial_distress', ['Psychosocial distress', 'Détresse psychosociale', 'ضائقة نفسية اجتماعية']],
      ['out_of_school', ['Out of school', 'Déscolarisé', 'خارج المدرسة']],
      ['detention', ['In detention', 'En détention', 'محتجز']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-education-status',
    ['Education', 'Éducation', 'التعليم'],
    [
      ['in_school', ['In school', 'Scolarisé', 'ملتحق بالمدرسة']],
      ['dropped_out', ['Dropped out', 'A abandonné', 'متسرب']],
      ['never_attended', ['Never attended', 'Jamais scolarisé', 'لم يلتحق قط']],
      ['vocational', ['Vocational training', 'Formation professionnelle', 'تدريب مهني']],
      ['too_young', ['Too young', 'Trop jeune', 'صغير جدًا']],
    ],
  ),
  lookup(
    'lookup-service-type',
    ['Service type', 'Type de service', 'نوع الخدمة'],
    [
      ['health', ['Health', 'Santé', 'الصحة']],
      [
        'mental_health',
        [
          'Mental health and psychosocial support',
          'Santé mentale et soutien psychosocial',
          'الصحة النفسية والدعم النفسي',
        ],
      ],
      ['legal', ['Legal assistance', 'Assistance juridique', 'المساعدة القانونية']],
      ['safe_shelter', ['Safe shelter', 'Hébergement sûr', 'مأوى آمن']],
      ['education', ['Education', 'Éducation', 'التعليم']],
      [
        'family_tracing',
        [
          'Family tracing and reunification',
          'Recherche et réunification familiales',
          'البحث عن الأسرة ولمّ الشمل',
        ],
      ],
      ['livelihoods', ['Livelihoods', 'Moyens de subsistance', 'سبل العيش']],
      ['cash', ['Cash assistance', 'Assistance en espèces', 'المساعدة النقدية']],
      ['police', ['Police and security', 'Police et sécurité', 'الشرطة والأمن']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-followup-type',
    ['Follow-up type', 'Type de suivi', 'نوع المتابعة'],
    [
      ['home_visit', ['Home visit', 'Visite à domicile', 'زيارة منزلية']],
      ['phone_call', ['Phone call', 'Appel téléphonique', 'مكالمة هاتفية']],
      ['office_visit', ['Office visit', 'Visite au bureau', 'زيارة المكتب']],
      ['school_visit', ['School visit', "Visite à l'école", 'زيارة المدرسة']],
      ['service_followup', ['Service follow-up', 'Suivi de service', 'متابعة الخدمة']],
    ],
  ),
  lookup(
    'lookup-closure-reason',
    ['Closure reason', 'Motif de clôture', 'سبب الإغلاق'],
    [
      ['case_goals_met', ['Case plan goals met', 'Objectifs du plan atteints', 'تحققت أهداف الخطة']],
      ['reunified', ['Reunified with family', 'Réunifié avec sa famille', 'لمّ شمله بأسرته']],
      ['turned_18', ['Turned 18', 'A atteint 18 ans', 'بلغ 18 عامًا']],
      ['relocated', ['Moved away', 'A déménagé', 'انتقل']],
      ['transferred', ['Transferred to another agency', 'Transféré à une autre agence', 'حُوّل إلى جهة أخرى']],
      ['lost_contact', ['Lost contact', 'Contact perdu', 'فقدان الاتصال']],
      [
        'survivor_request',
        ['At the survivor’s request', 'À la demande de la personne survivante', 'بناءً على طلب الناجية'],
      ],
      ['death', ['Death', 'Décès', 'الوفاة']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-gbv-violence-type',
    ['Type of violence', 'Type de violence', 'نوع العنف'],
    [
      ['rape', ['Rape', 'Viol', 'اغتصاب']],
      ['sexual_assault', ['Sexual assault', 'Agression sexuelle', 'اعتداء جنسي']],
      ['physical_assault', ['Physical assault', 'Agression physique', 'اعتداء جسدي']],
      ['forced_marriage', ['Forced marriage', 'Mariage forcé', 'زواج قسري']],
      ['denial_of_resources', ['Denial of resources', 'Déni de ressources', 'الحرمان من الموارد']],
      [
        'psychological_emotional_abuse',
        ['Psychological or emotional abuse', 'Violence psychologique', 'إساءة نفسية أو عاطفية'],
      ],
      ['non_gbv', ['Not GBV', 'Pas de VBG', 'ليس عنفًا قائمًا على النوع']],
    ],
  ),
  lookup(
    'lookup-time-of-day',
    ['Time of day', 'Moment de la journée', 'وقت اليوم'],
    [
      ['morning', ['Morning', 'Matin', 'الصباح']],
      ['afternoon', ['Afternoon', 'Après-midi', 'بعد الظهر']],
      ['evening', ['Evening', 'Soir', 'المساء']],
      ['night', ['Night', 'Nuit', 'الليل']],
      unknown,
    ],
  ),
  lookup(
    'lookup-age-group',
    ['Age group', "Tranche d'âge", 'الفئة العمرية'],
    [
      ['0_11', ['0-11', '0-11', '0-11']],
      ['12_17', ['12-17', '12-17', '12-17']],
      ['18_25', ['18-25', '18-25', '18-25']],
      ['26_40', ['26-40', '26-40', '26-40']],
      ['41_60', ['41-60', '41-60', '41-60']],
      ['61_plus', ['61 and over', '61 et plus', '61 فأكثر']],
      unknown,
    ],
  ),
  lookup(
    'lookup-perpetrator-relationship',
    ['Relationship to survivor', 'Lien avec la personne survivante', 'العلاقة بالناجية'],
    [
      ['intimate_partner', ['Intimate partner', 'Partenaire intime', 'شريك حميم']],
      ['family', ['Family member', 'Membre de la famille', 'فرد من العائلة']],
      ['caregiver', ['Caregiver', 'Personne en charge', 'مقدّم رعاية']],
      ['acquaintance', ['Acquaintance', 'Connaissance', 'معارف']],
      ['stranger', ['Stranger', 'Inconnu', 'غريب']],
      ['armed_actor', ['Armed actor', 'Acteur armé', 'عنصر مسلح']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-incident-location-type',
    ['Place of incident', "Lieu de l'incident", 'مكان الحادثة'],
    [
      ['home', ['Home', 'Domicile', 'المنزل']],
      ['school', ['School', 'École', 'المدرسة']],
      ['workplace', ['Workplace', 'Lieu de travail', 'مكان العمل']],
      ['road', ['Road or street', 'Route ou rue', 'الطريق أو الشارع']],
      ['market', ['Market', 'Marché', 'السوق']],
      ['camp', ['Camp or settlement', 'Camp ou site', 'مخيم أو تجمع']],
      ['bush', ['Bush or field', 'Brousse ou champ', 'الأحراش أو الحقل']],
      ['other', ['Other', 'Autre', 'أخرى']],
    ],
  ),
  lookup(
    'lookup-marital-status',
    ['Marital status', 'Situation matrimoniale', 'الحالة الاجتماعية'],
    [
      ['single', ['Single', 'Célibataire', 'أعزب']],
      ['married', ['Married or cohabiting', 'Marié ou en concubinage', 'متزوج أو يعيش مع شريك']],
      ['divorced', ['Divorced or separated', 'Divorcé ou séparé', 'مطلق أو منفصل']],
      ['widowed', ['Widowed', 'Veuf', 'أرمل']],
    ],
  ),
];
