import { defaultCaseForms } from '../../web/src/forms/defaultCaseForms';
import type { FormSection } from '../../web/src/forms/types';
import { uploadBoxGroups } from '../../web/src/forms/uploadBoxes';

const section = (unique_id: string, fields: FormSection['fields']): FormSection => ({
  unique_id,
  parent_form: 'case',
  name: { en: unique_id },
  order: 1,
  fields,
});
const box = (name: string, type: string) => ({ name, type, display_name: { en: name } });
const shape = (groups: ReturnType<typeof uploadBoxGroups>) =>
  groups.map((g) => [g.section?.unique_id ?? 'other', g.boxes.map((b) => `${b.name}:${b.kind ?? '-'}`)]);

describe('the upload boxes of a record', () => {
  it('keeps the three built-in boxes when the forms list none (an older configuration)', () => {
    expect(shape(uploadBoxGroups(defaultCaseForms))).toEqual([
      ['other', ['photos:photo', 'other_documents:document', 'recorded_audio:audio']],
    ]);
  });

  it("groups the forms' boxes by section, then the built-in ones they do not list and boxes gone from them", () => {
    const sections = [
      section('basic_identity', [box('photos', 'photo_upload_box'), box('name', 'text_field')]),
      section('school', [
        box('school_reports', 'document_upload_box'),
        { ...box('hidden_box', 'audio_upload_box'), visible: false },
      ]),
    ];
    expect(shape(uploadBoxGroups(sections, ['photos', 'old_scans']))).toEqual([
      ['basic_identity', ['photos:photo']],
      ['school', ['school_reports:document']],
      ['other', ['other_documents:document', 'recorded_audio:audio', 'old_scans:-']],
    ]);
  });

  it("offers only the built-in boxes the server says take the user's files", () => {
    // photos sits on a form this role may not see: no form it reads lists it, and the server would refuse.
    expect(shape(uploadBoxGroups(defaultCaseForms, [], ['recorded_audio', 'other_documents']))).toEqual([
      ['other', ['other_documents:document', 'recorded_audio:audio']],
    ]);
  });
});
