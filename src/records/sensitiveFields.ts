/**
 * What is sealed (AES-256-GCM, per-country key) before a case reaches Cosmos, unless a country's settings
 * list its own: identifying details and narratives. Fields used for filtering and reporting (sex, age,
 * risk level, status, location code) stay in clear; `age` is computed from the date of birth at write.
 */
export const defaultSensitiveCaseFields = [
  'name',
  'name_first',
  'name_middle',
  'name_last',
  'name_nickname',
  'date_of_birth',
  'address_current',
  'telephone_current',
  'notes_section.note_subject',
  'notes_section.note_text',
  'followup_subform_section.followup_comments',
  'approval_subforms.approval_manager_comments',
  'transitions.notes',
  'flags.message',
  'flags.unflag_message',
  // Both sides of a sync conflict may be any of the above.
  'sync_conflicts.client_value',
  'sync_conflicts.server_value',
  // A file name or description can name the child.
  ...['photos', 'recorded_audio', 'other_documents'].flatMap((f) => [`${f}.file_name`, `${f}.description`]),
];

/** Fields whose words feed the blind index, so that `query=` finds names without storing them in clear. */
export const searchableCaseFields = ['name', 'name_first', 'name_middle', 'name_last', 'name_nickname'];
