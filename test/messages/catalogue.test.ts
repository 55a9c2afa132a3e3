import {
  catalogue,
  localized,
  messageIn,
  messageTables,
  msg,
  type MessageKey,
} from '../../src/messages/catalogue';
import { parseOr422 } from '../../src/http/validation';
import { AppError } from '../../src/errors';
import { z } from 'zod';

const tables = catalogue;
const keys = Object.keys(tables) as MessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('the message catalogue', () => {
  it('holds each key once across its tables', () => {
    const count = messageTables.map((t) => Object.keys(t).length).reduce((a, b) => a + b);
    expect(keys).toHaveLength(count);
  });

  it.each(['fr', 'ar'] as const)(
    'says in %s only what the English names, Arabic in Arabic script',
    (locale) => {
      for (const key of keys) {
        const texts = tables[key] as { en: string; fr: string; ar: string };
        const english = placeholders(texts.en);
        expect([key, placeholders(texts[locale]).filter((p) => !english.includes(p))]).toEqual([key, []]);
        if (locale === 'ar') expect([key, /[\u0600-\u06FF]/.test(texts.ar)]).toEqual([key, true]);
      }
    },
  );

  it('answers a message by its key in the language asked, English for a language it lacks', () => {
    const m = msg('too_long', { max: 500 });
    expect(m).toEqual({ message: 'must be at most 500 characters', key: 'too_long', args: { max: 500 } });
    expect(localized(m, 'fr-CA')).toBe('doit faire au plus 500 caractères');
    expect(localized(m, 'ar')).toBe(messageIn('too_long', { max: 500 }, 'ar'));
    expect(localized(m, 'sw')).toBe('must be at most 500 characters');
  });

  it('answers a message without a key, or with a key it no longer holds, as it was written', () => {
    expect(localized({ message: 'send either ids or filters' }, 'fr')).toBe('send either ids or filters');
    expect(localized({ message: 'is required', key: 'gone_key' as MessageKey }, 'fr')).toBe('is required');
  });

  it("gives zod's rules stated without a message the catalogue's words, with their keys", () => {
    const schema = z.object({
      on: z.boolean(),
      list: z.array(z.string()).max(2),
      kind: z.enum(['a', 'b']),
      extra: z.string().optional(),
    });
    try {
      parseOr422(schema.strict(), { on: 'yes', list: ['a', 'b', 'c'], kind: 'c', stray: 1 });
      throw new Error('accepted');
    } catch (error) {
      const entries = (error as AppError).entries;
      expect(entries.map((e) => [e.detail, e.message, localized(e, 'fr')])).toEqual([
        ['on', 'must be true or false', 'doit être true ou false'],
        ['list', 'must list at most 2', 'doit en contenir au plus 2'],
        ['kind', 'is not one of the options', "n'est pas une des options"],
        ['stray', 'is not a known field', "n'est pas un champ connu"],
      ]);
    }
  });

  it("keeps a schema's own plain message as it is", () => {
    try {
      parseOr422(z.object({ a: z.string().regex(/^x$/, 'must be x') }), { a: 'y' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as AppError).entries).toEqual([{ detail: 'a', message: 'must be x' }]);
    }
  });
});
