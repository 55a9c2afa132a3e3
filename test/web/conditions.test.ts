import { conditionHolds } from '../../web/src/forms/conditions';
import { subformChanges } from '../../web/src/forms/subformChanges';

const record = (values: Record<string, unknown>) => (field: string) => values[field];

describe('display conditions', () => {
  it('shows a field when the other field holds the value, a multi-select when it includes it', () => {
    expect(conditionHolds({ eq: { has_disability: true } }, record({ has_disability: true }))).toBe(true);
    expect(conditionHolds({ eq: { has_disability: true } }, record({}))).toBe(false);
    expect(
      conditionHolds(
        { in: { protection_concerns: ['other'] } },
        record({ protection_concerns: ['a', 'other'] }),
      ),
    ).toBe(true);
    expect(conditionHolds({ in: { status: ['open', 'closed'] } }, record({ status: 'transferred' }))).toBe(
      false,
    );
  });

  it('reads a tick box never ticked as no: the reason a child was not seen shows at once', () => {
    const notSeen = { eq: { child_was_seen: false } };
    expect(conditionHolds(notSeen, record({}))).toBe(true);
    expect(conditionHolds(notSeen, record({ child_was_seen: null }))).toBe(true);
    expect(conditionHolds(notSeen, record({ child_was_seen: false }))).toBe(true);
    expect(conditionHolds(notSeen, record({ child_was_seen: true }))).toBe(false);
    // Only `false` stands for an empty value: an empty field is not 0 or ''.
    expect(conditionHolds({ eq: { age: 0 } }, record({}))).toBe(false);
  });

  it('combines conditions with not, and, or; no condition always shows', () => {
    const values = record({ child_was_seen: false, age: 12 });
    expect(conditionHolds(null, values)).toBe(true);
    expect(conditionHolds({ not: { eq: { child_was_seen: true } } }, values)).toBe(true);
    expect(conditionHolds({ and: [{ eq: { age: 12 } }, { eq: { child_was_seen: true } }] }, values)).toBe(
      false,
    );
    expect(conditionHolds({ or: [{ eq: { age: 12 } }, { eq: { child_was_seen: true } }] }, values)).toBe(
      true,
    );
  });
});

describe('subform changes', () => {
  const original = [
    { unique_id: 'a', followup_comments: 'one' },
    { unique_id: 'b', followup_comments: 'two' },
  ];

  it('sends a removed entry as _destroy, an edited one with its changed fields only, a new one whole', () => {
    const edited = [{ unique_id: 'b', followup_comments: 'two!' }, { followup_comments: 'new' }];
    expect(subformChanges(original, edited)).toEqual({
      sent: [
        { unique_id: 'a', _destroy: true },
        { unique_id: 'b', followup_comments: 'two!' },
        { followup_comments: 'new' },
      ],
      // Where each sent entry is on screen, so a server message about followup_subform_section[2] lands there.
      index: [-1, 0, 1],
    });
  });

  it('sends nothing for entries left as they were', () => {
    expect(subformChanges(original, original)).toEqual({ sent: [], index: [] });
  });
});
