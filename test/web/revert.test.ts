import { revert, shownChange } from '../../web/src/revert';

// Giving up one queued change on the device: what it changed goes back, what came after it stays.
const base = {
  id: 'c1',
  version: 3,
  name_nickname: 'Ami',
  notes_section: [{ unique_id: 'n1', note_text: 'First visit', note_date: '2026-12-01' }],
};

describe('taking a discarded change off the device copy', () => {
  it('removes a note it added and keeps one added after it', () => {
    const added = { ...base, notes_section: [...base.notes_section, { unique_id: 'n2', note_text: 'x' }] };
    const change = shownChange(base, added);
    const later = {
      ...added,
      notes_section: [...added.notes_section, { unique_id: 'n3', note_text: 'Kept' }],
    };
    expect(revert(later, change).notes_section).toEqual([
      base.notes_section[0],
      { unique_id: 'n3', note_text: 'Kept' },
    ]);
  });

  it('puts back a field it changed, an entry it edited or removed, and drops a field it added', () => {
    const edited = {
      ...base,
      name_nickname: 'Mina',
      sex: 'female',
      notes_section: [{ ...base.notes_section[0]!, note_text: 'Edited' }],
    };
    expect(revert(edited, shownChange(base, edited))).toEqual(base);
    const removed = { ...base, notes_section: [] };
    expect(revert(removed, shownChange(base, removed))).toEqual(base);
  });

  it('keeps a field a later change has changed again', () => {
    const mine = { ...base, name_nickname: 'Mina' };
    const change = shownChange(base, mine);
    expect(revert({ ...mine, name_nickname: 'Later' }, change).name_nickname).toBe('Later');
  });

  it('survives being stored as JSON (a field that was absent has no key there)', () => {
    const withSex = { ...base, sex: 'female' };
    const stored = JSON.parse(JSON.stringify(shownChange(base, withSex))) as ReturnType<typeof shownChange>;
    expect(revert(withSex, stored)).toEqual(base);
  });
});
