import { messageLocale } from '../../src/http/messageLocale';

describe('messageLocale', () => {
  it('takes the first language of Accept-Language we have messages for, by q-value', () => {
    expect(messageLocale('fr-FR,fr;q=0.9,en;q=0.8', 'en')).toBe('fr');
    expect(messageLocale('sw, ar;q=0.7, fr;q=0.8', 'en')).toBe('fr');
    expect(messageLocale('fr;q=0, ar', 'en')).toBe('ar');
  });

  it('else the stored locale if we have messages in it, else English', () => {
    expect(messageLocale('sw', 'fr-CA')).toBe('fr');
    expect(messageLocale(null, 'ar')).toBe('ar');
    expect(messageLocale('*', 'sw')).toBe('en');
    expect(messageLocale(null)).toBe('en');
  });
});
