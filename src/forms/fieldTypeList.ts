/** Every Primero field type (CONFIG-SHAPES.md). */
export const fieldTypes = [
  'text_field',
  'textarea',
  'radio_button',
  'select_box',
  'numeric_field',
  'date_field',
  'date_range',
  'tick_box',
  'tally_field',
  'subform',
  'separator',
  'photo_upload_box',
  'audio_upload_box',
  'document_upload_box',
  'signature',
  'calculated',
  'custom',
] as const;
export type FieldType = (typeof fieldTypes)[number];
