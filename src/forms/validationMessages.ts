import type { z } from 'zod';
import { fieldMessages } from './fieldMessages';
import { recordMessages } from './recordMessages';

/**
 * The messages of record validation and of the record and attachment endpoints, in every language the web
 * app offers. A message never repeats the value sent (it may be a name typed into the wrong field); it says
 * what the field accepts. Errors carry the English text; the answer is put in the caller's language as it
 * leaves (src/http/messageLocale.ts), so that a stored sync receipt answers a replay in today's language.
 */
const catalogue = { ...fieldMessages, ...recordMessages };

export type MessageKey = keyof typeof catalogue;
export type MessageArgs = Record<string, string | number>;

export const messageLocales = ['en', 'fr', 'ar'] as const;

/** The language of `locale` we have messages in (a regional variant counts as its language), if any. */
export const messageLanguage = (locale: string): string | undefined => {
  const language = locale.trim().toLowerCase().split('-')[0] ?? '';
  return (messageLocales as readonly string[]).includes(language) ? language : undefined;
};

const fill = (text: string, args?: MessageArgs) =>
  args ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')) : text;

/** The message in `locale` (a regional variant falls back to its language), else in English. */
export function validationMessage(key: MessageKey, args: MessageArgs | undefined, locale: string): string {
  const texts = catalogue[key] as Record<string, string> & { en: string };
  return fill(texts[messageLanguage(locale) ?? 'en'] ?? texts.en, args);
}

/** The English text errors carry. */
export const en = (key: MessageKey, args?: MessageArgs) => validationMessage(key, args, 'en');

interface Pattern {
  key: MessageKey;
  regex: RegExp;
  names: string[];
  literal: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One pattern per English text; the most literal first, so that "at most {max} characters" is not read as
// "at most {max}" with "500 characters" as its number.
const patterns: Pattern[] = (Object.keys(catalogue) as MessageKey[])
  .map((key) => {
    const text = catalogue[key].en as string;
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    const parts = text.split(/\{\w+\}/);
    return {
      key,
      names,
      regex: new RegExp(`^${parts.map(escape).join('(.+?)')}$`),
      literal: parts.join('').length,
    };
  })
  .sort((a, b) => b.literal - a.literal);

/** An English message of the catalogue in `locale`; any other text as it is. */
export function localizedMessage(message: string, locale: string): string {
  if (messageLanguage(locale) === 'en' || !messageLanguage(locale)) return message;
  for (const { key, regex, names } of patterns) {
    const match = regex.exec(message);
    if (match)
      return validationMessage(key, Object.fromEntries(names.map((n, i) => [n, match[i + 1] ?? ''])), locale);
  }
  return message;
}

/**
 * zod's own messages ("Invalid input: expected boolean, received string") for the rules a schema states
 * without a message of its own, in the catalogue's words; a schema's own message takes precedence.
 */
export const catalogueErrors: z.core.$ZodErrorMap = (issue) => {
  const bound = Number(
    issue.code === 'too_big' ? issue.maximum : issue.code === 'too_small' ? issue.minimum : 0,
  );
  switch (issue.code) {
    case 'invalid_type': {
      const expected: Record<string, MessageKey> = {
        string: 'text',
        int: 'whole_number',
        number: 'number',
        boolean: 'boolean',
        array: 'list',
        object: 'entry',
      };
      const key = expected[issue.expected];
      return key && en(key);
    }
    case 'invalid_value':
      return en('option');
    case 'too_big':
      if (issue.origin === 'string') return en('too_long', { max: bound });
      if (issue.origin === 'array') return en('too_many', { max: bound });
      return issue.origin === 'number' ? en('at_most', { max: bound }) : undefined;
    case 'too_small':
      if (issue.origin === 'string' && bound === 1) return en('required');
      if (issue.origin === 'array') return en('too_few', { min: bound });
      return issue.origin === 'number' ? en('at_least', { min: bound }) : undefined;
    default:
      return undefined;
  }
};
