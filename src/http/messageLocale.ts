import { messageLanguage } from '../messages/catalogue';
import type { ApiRequest } from './types';

/**
 * The language an answer's messages are in: the first of Accept-Language (by its q-values) we have
 * messages for, else the user's stored locale, else English. The web app sends the language on screen, so
 * that switching it there changes the server's messages too, without changing the stored locale.
 */
export function messageLocale(acceptLanguage: string | null, userLocale?: string): string {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.tag && r.tag !== '*' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    const language = messageLanguage(tag);
    if (language) return language;
  }
  return (userLocale && messageLanguage(userLocale)) ?? 'en';
}

/** The language of this request's answer (its Accept-Language, else its caller's stored locale). */
export const answerLocale = (request: Pick<ApiRequest, 'headers' | 'userLocale'>) =>
  messageLocale(request.headers.get('accept-language'), request.userLocale);
