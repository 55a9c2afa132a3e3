import { AppError } from '../../src/errors';
import { mergeChanges } from '../../src/records/mergeChanges';

const options = { subformKeys: new Set(['visits']) };

describe('mergeChanges', () => {
  it('replaces scalars and plain arrays, keeps what was not sent', () => {
    expect(mergeChanges({ a: 1, b: 2, tags: ['x', 'y'] }, { a: 3, tags: ['z'] }, options)).toEqual({
      a: 3,
      b: 2,
      tags: ['z'],
    });
  });

  it('deep-merges nested objects', () => {
    expect(mergeChanges({ o: { a: 1, b: { c: 2, d: 3 } } }, { o: { b: { d: 4 } } }, options)).toEqual({
      o: { a: 1, b: { c: 2, d: 4 } },
    });
  });

  it('merges subform entries by unique_id, appends new ones, removes _destroy ones', () => {
    const current = {
      visits: [
        { unique_id: 'v1', when: 'mon', who: 'a' },
        { unique_id: 'v2', when: 'tue' },
      ],
    };
    const merged = mergeChanges(
      current,
      {
        visits: [
          { unique_id: 'v1', when: 'wed' },
          { unique_id: 'v2', _destroy: true },
          { when: 'fri' },
          { unique_id: 'client-1', when: 'sat' },
        ],
      },
      options,
    );
    expect(merged.visits).toEqual([
      { unique_id: 'v1', when: 'wed', who: 'a' },
      { unique_id: expect.stringMatching(/^[0-9a-f-]{36}$/), when: 'fri' },
      { unique_id: 'client-1', when: 'sat' },
    ]);
    expect(current.visits).toHaveLength(2); // the input is not mutated
  });

  it('removing an unknown entry is a no-op; removing without unique_id is a 422', () => {
    expect(
      mergeChanges(
        { visits: [{ unique_id: 'v1' }] },
        { visits: [{ unique_id: 'gone', _destroy: true }] },
        options,
      ),
    ).toEqual({ visits: [{ unique_id: 'v1' }] });
    expect(() => mergeChanges({}, { visits: [{ _destroy: true }] }, options)).toThrow(AppError);
  });

  it('keeps protected entry fields and lets the caller stamp new entries', () => {
    const merged = mergeChanges(
      { visits: [{ unique_id: 'v1', by: 'alice' }] },
      { visits: [{ unique_id: 'v1', by: 'mallory', note: 'x' }, { by: 'mallory' }] },
      { ...options, protectedEntryFields: new Set(['by']), onNewEntry: (_k, e) => (e.by = 'server') },
    );
    expect(merged.visits).toEqual([
      { unique_id: 'v1', by: 'alice', note: 'x' },
      { unique_id: expect.any(String), by: 'server' },
    ]);
  });
});
