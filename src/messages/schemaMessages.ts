import type { z } from 'zod';
import { msg, type Message, type MessageArgs, type MessageKey } from './catalogue';

/**
 * The catalogue messages zod schemas state. A zod issue carries its message's text only, so a schema
 * states a catalogue message through rule(), which remembers the key and arguments of the text it gives
 * zod; the error entry gets them back from the issue's text (src/http/validation.ts) and is answered in
 * the caller's language. The texts remembered are the schemas' own (and the bounds they set), a fixed set.
 */
const rules = new Map<string, Message>();

/** The English text a schema gives zod for a catalogue message. */
export function rule(key: MessageKey, args?: MessageArgs): string {
  const message = msg(key, args);
  rules.set(message.message, message);
  return message.message;
}

/** The message of a zod issue: its text, with the key and arguments when a schema stated it through rule(). */
export const issueMessage = (text: string): Message => rules.get(text) ?? { message: text };

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
      return key && rule(key);
    }
    case 'invalid_value':
      return rule('option');
    case 'too_big':
      if (issue.origin === 'string') return rule('too_long', { max: bound });
      if (issue.origin === 'array') return rule('too_many', { max: bound });
      return issue.origin === 'number' ? rule('at_most', { max: bound }) : undefined;
    case 'too_small':
      if (issue.origin === 'string' && bound === 1) return rule('required');
      if (issue.origin === 'array') return rule('too_few', { min: bound });
      return issue.origin === 'number' ? rule('at_least', { min: bound }) : undefined;
    default:
      return undefined;
  }
};
