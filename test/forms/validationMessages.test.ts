import { fieldMessages } from '../../src/forms/fieldMessages';
import { recordMessages } from '../../src/forms/recordMessages';
import { en, localizedMessage, validationMessage, type MessageKey } from '../../src/forms/validationMessages';
import { parseOr422 } from '../../src/http/validation';
import { AppError } from '../../src/errors';
import { z } from 'zod';

const keys = [...Object.keys(fieldMessages), ...Object.keys(recordMessages)] as MessageKey[];
const args = {
  max: 12,
  min: 3,
  keys: 'girls, boys',
  kind: 'case',
  field: 'photos',
  type: 'image',
  types: 'a/b',
  from: 1850,
  to: 2199,
};

describe('the message catalogue', () => {
  it.each(['fr', 'ar'])('reads every English message back into %s, numbers and names kept', (locale) => {
    for (const key of keys)
      expect([key, localizedMessage(en(key, args), locale)]).toEqual([
        key,
        validationMessage(key, args, locale),
      ]);
  });

  it('leaves a text it does not hold as it is, and English as it is', () => {
    expect(localizedMessage('send either ids or filters', 'fr')).toBe('send either ids or filters');
    expect(localizedMessage('must be at most 500 characters', 'en')).toBe('must be at most 500 characters');
    expect(localizedMessage('must be at most 500 characters', 'fr-CA')).toBe(
      'doit faire au plus 500 caractères',
    );
  });

  it("gives zod's rules stated without a message the catalogue's words", () => {
    const schema = z.object({ on: z.boolean(), list: z.array(z.string()).max(2), kind: z.enum(['a', 'b']) });
    try {
      parseOr422(schema, { on: 'yes', list: ['a', 'b', 'c'], kind: 'c' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as AppError).entries).toEqual([
        { detail: 'on', message: 'must be true or false' },
        { detail: 'list', message: 'must list at most 2' },
        { detail: 'kind', message: 'is not one of the options' },
      ]);
    }
  });
});
