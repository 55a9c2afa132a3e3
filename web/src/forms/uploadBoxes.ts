import type { FormField, FormSection } from './types';

/** What an upload box takes, as the server checks it (src/attachments/attachmentTypes.ts). */
export type BoxKind = 'photo' | 'audio' | 'document';

const KINDS: Record<string, BoxKind> = {
  photo_upload_box: 'photo',
  audio_upload_box: 'audio',
  document_upload_box: 'document',
};

export const isUploadBox = (field: FormField) => field.type in KINDS;

/** The file picker of each kind: a photo box opens the camera on a phone (`capture`), elsewhere a file. */
export const PICKERS: Record<BoxKind, { accept: string; capture?: 'environment'; multiple?: boolean }> = {
  photo: { accept: 'image/*', capture: 'environment' },
  audio: { accept: 'audio/mpeg,audio/mp4,.mp3,.m4a' },
  document: { accept: '.pdf,.txt,.csv,.docx,.xlsx,image/jpeg,image/png', multiple: true },
};

export interface UploadBox {
  name: string;
  /** Absent for a box the forms no longer have: its files are listed, no new one is added. */
  kind?: BoxKind;
  /** The forms' field (label, help); absent for a built-in box the forms do not list. */
  field?: FormField;
}

/** The boxes of one form section, or (no section) the record's other boxes. */
export interface BoxGroup {
  section?: FormSection;
  boxes: UploadBox[];
}

/** The boxes every record has, whatever its forms say (the server takes files in them on any record). */
const BUILT_IN: { name: string; kind: BoxKind }[] = [
  { name: 'photos', kind: 'photo' },
  { name: 'other_documents', kind: 'document' },
  { name: 'recorded_audio', kind: 'audio' },
];

/**
 * The record's upload boxes by the section they are on, in the forms' order: `sections` are those the role
 * may read (GET /forms lists no other), so a box of a form it may not read is not offered. The built-in
 * boxes the forms do not list (an older configuration, a module without them) and boxes holding files but
 * gone from the forms (`stored`) come last, together. `writable` (GET /forms metadata `upload_boxes`, when the
 * server sent it) names the built-in boxes that take the user's files: one on a form the role may not see
 * would only refuse the upload.
 */
export function uploadBoxGroups(
  sections: FormSection[],
  stored: string[] = [],
  writable?: readonly string[],
): BoxGroup[] {
  const groups: BoxGroup[] = [];
  const listed = new Set<string>();
  for (const section of sections) {
    const boxes = section.fields
      .filter((f) => isUploadBox(f) && f.visible !== false)
      .map((field) => ({ name: field.name, kind: KINDS[field.type], field }));
    for (const box of boxes) listed.add(box.name);
    if (boxes.length) groups.push({ section, boxes });
  }
  const others: UploadBox[] = BUILT_IN.filter(
    (b) => !listed.has(b.name) && (!writable || writable.includes(b.name)),
  );
  for (const name of stored)
    if (!listed.has(name) && !others.some((b) => b.name === name)) others.push({ name });
  if (others.length) groups.push({ boxes: others });
  return groups;
}
