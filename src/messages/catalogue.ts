import { accountMessages } from './accountMessages';
import { caseworkMessages } from './caseworkMessages';
import { fieldMessages } from './fieldMessages';
import { queryMessages } from './queryMessages';
import { recordMessages } from './recordMessages';
import { requestMessages } from './requestMessages';

/**
 * The messages a person sees, in every language the web app offers. An error carries its message's key and
 * arguments beside the English text (src/errors.ts); the answer is put in the caller's language as it
 * leaves (src/http/responses.ts), so that a stored sync receipt answers a replay in today's language.
 */
export const catalogue = {
  ...fieldMessages,
  ...recordMessages,
  ...caseworkMessages,
  ...accountMessages,
  ...queryMessages,
  ...requestMessages,
};

/** The tables the catalogue is made of (a key in two of them would be lost: the tests check). */
export const messageTables = [
  fieldMessages,
  recordMessages,
  caseworkMessages,
  accountMessages,
  queryMessages,
  requestMessages,
];

export type MessageKey = keyof typeof catalogue;
export type MessageArgs = Record<string, string | number>;

/** A message as errors carry it: the English text, and what it is in every language when it has a key. */
export interface Message {
  message: string;
  key?: MessageKey;
  args?: MessageArgs;
}

export const messageLocales = ['en', 'fr', 'ar'] as const;

/** The language of `locale` we have messages in (a regional variant counts as its language), if any. */
export const messageLanguage = (locale: string): string | undefined => {
  const language = locale.trim().toLowerCase().split('-')[0] ?? '';
  return (messageLocales as readonly string[]).includes(language) ? language : undefined;
};

const fill = (text: string, args?: MessageArgs) =>
  args ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')) : text;

/** The message in `locale` (a regional variant falls back to its language), else in English. */
export function messageIn(key: MessageKey, args: MessageArgs | undefined, locale: string): string {
  const texts = catalogue[key] as Record<string, string> & { en: string };
  return fill(texts[messageLanguage(locale) ?? 'en'] ?? texts.en, args);
}

/** The English text of a message. */
export const en = (key: MessageKey, args?: MessageArgs) => messageIn(key, args, 'en');

/** A message of the catalogue as an error carries it. */
export const msg = (key: MessageKey, args?: MessageArgs): Message => ({
  message: en(key, args),
  key,
  ...(args ? { args } : {}),
});

/**
 * What a person reads in `locale`. A message without a key (an operator's message, or one stored by an
 * older version, as a sync receipt may be) is answered as it was written; so is a key no longer held.
 */
export const localized = (m: Message, locale: string): string =>
  m.key && Object.hasOwn(catalogue, m.key) ? messageIn(m.key, m.args, locale) : m.message;
