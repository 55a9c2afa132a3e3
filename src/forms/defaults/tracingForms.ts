import type { FormInput } from '../formSchema';
import {
  date,
  form,
  inlineSelect,
  lookupSelect,
  numeric,
  subform,
  text,
  textarea,
  type FormSpec,
  noteFields,
} from './build';

const cp: FormSpec['modules'] = ['primeromodule-cp'];
const searchable = { protection: 'sealed_searchable' } as const;

/**
 * The CP module's tracing request forms: the inquirer, the separation, the children sought and notes, with
 * every field of the fixed tracing request schema. Names are searchable; the relationship is categorical.
 */
export const tracingRequestForms: FormInput[] = [
  form(
    {
      unique_id: 'tracing_request_inquirer',
      parent_form: 'tracing_request',
      modules: cp,
      name: ['Inquirer', 'Demandeur', 'مقدم الطلب'],
      core: true,
      first: true,
    },
    0,
    [
      lookupSelect('status', ['Status', 'Statut', 'الحالة'], 'lookup-case-status', {
        protection: 'plain',
        filterable: true,
      }),
      inlineSelect(
        'module_id',
        ['Module', 'Module', 'الوحدة'],
        [['primeromodule-cp', ['Child protection', "Protection de l'enfance", 'حماية الطفل']]],
        { protection: 'plain' },
      ),
      date('inquiry_date', ['Date of inquiry', 'Date de la demande', 'تاريخ الطلب'], {
        date_validation: 'not_future_date',
        protection: 'plain',
        filterable: true,
      }),
      text('relation_name', ['Name of inquirer', 'Nom du demandeur', 'اسم مقدم الطلب'], searchable),
      text(
        'relation_nickname',
        ['Nickname of inquirer', 'Surnom du demandeur', 'لقب مقدم الطلب'],
        searchable,
      ),
      lookupSelect(
        'relation',
        ['Relationship to the child', "Lien avec l'enfant", 'صلة القرابة بالطفل'],
        'lookup-family-relationship',
        { filterable: true },
      ),
      lookupSelect('relation_sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender'),
      numeric('relation_age', ['Age', 'Âge', 'العمر'], { min_value: 0, max_value: 130 }),
      text('relation_telephone', ['Telephone', 'Téléphone', 'الهاتف'], { phone_number: true }),
      textarea('relation_address', ['Address', 'Adresse', 'العنوان']),
      lookupSelect('relation_nationality', ['Nationality', 'Nationalité', 'الجنسية'], 'lookup-country', {
        multi_select: true,
      }),
      lookupSelect('relation_language', ['Languages', 'Langues', 'اللغات'], 'lookup-language', {
        multi_select: true,
      }),
      text('location_separation', ['Place of separation', 'Lieu de la séparation', 'مكان الانفصال']),
      text('separation_cause', ['Cause of separation', 'Cause de la séparation', 'سبب الانفصال']),
      date('date_of_separation', ['Date of separation', 'Date de la séparation', 'تاريخ الانفصال']),
      {
        ...date('date_closure', ['Date of closure', 'Date de clôture', 'تاريخ الإغلاق']),
        role: 'closure_date',
      },
      subform(
        'tracing_request_subform_section',
        ['Children sought', 'Enfants recherchés', 'الأطفال المبحوث عنهم'],
        'tracing_request_subform_section',
      ),
      subform('notes_section', ['Notes', 'Notes', 'ملاحظات'], 'tracing_request_notes_section'),
    ],
  ),
  form(
    {
      unique_id: 'tracing_request_subform_section',
      parent_form: 'tracing_request',
      modules: cp,
      name: ['Child sought', 'Enfant recherché', 'الطفل المبحوث عنه'],
      nested: true,
    },
    0,
    [
      text('name', ['Name', 'Nom', 'الاسم']),
      text('name_nickname', ['Nickname', 'Surnom', 'اللقب']),
      lookupSelect('sex', ['Sex', 'Sexe', 'الجنس'], 'lookup-gender'),
      numeric('age', ['Age', 'Âge', 'العمر'], { min_value: 0, max_value: 130 }),
      date('date_of_birth', ['Date of birth', 'Date de naissance', 'تاريخ الميلاد']),
      text('relation_to_inquirer', [
        'Relationship to inquirer',
        'Lien avec le demandeur',
        'الصلة بمقدم الطلب',
      ]),
      textarea('physical_description', ['Physical description', 'Description physique', 'الوصف الجسدي']),
      date('date_last_seen', ['Date last seen', 'Vu pour la dernière fois le', 'تاريخ آخر مشاهدة']),
      text('location_last_seen', ['Place last seen', 'Vu pour la dernière fois à', 'مكان آخر مشاهدة']),
      inlineSelect(
        'tracing_request_status',
        ['Tracing status', 'Statut de la recherche', 'حالة البحث'],
        [
          ['open', ['Open', 'Ouvert', 'مفتوح']],
          ['tracing_in_progress', ['Tracing in progress', 'Recherche en cours', 'البحث جارٍ']],
          ['found', ['Found', 'Retrouvé', 'تم العثور عليه']],
          ['reunified', ['Reunified', 'Réunifié', 'تم لم الشمل']],
          ['closed', ['Closed', 'Fermé', 'مغلق']],
        ],
      ),
    ],
  ),
  form(
    {
      unique_id: 'tracing_request_notes_section',
      parent_form: 'tracing_request',
      modules: cp,
      name: ['Note', 'Note', 'ملاحظة'],
      nested: true,
    },
    0,
    noteFields(),
  ),
];
