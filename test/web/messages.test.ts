import { catalogue as serverCatalogue } from '../../src/messages/catalogue';
import { catalogues, en, fileSize, translate } from '../../web/src/i18n/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the web app's own texts", () => {
  it('falls back to English for a language without a catalogue, and reads a regional variant as its base', () => {
    expect(translate('sw', 'home.title')).toBe('My tasks');
    expect(translate('fr-CA', 'home.title')).toBe('Mes tâches');
    expect(translate('ar', 'home.title')).toBe('مهامي');
  });

  it('writes numbers as the language does', () => {
    expect(translate('en', 'status.waiting', { n: 1200 })).toBe('1,200 changes waiting');
    expect(translate('fr', 'list.page', { page: 1, pages: 3 })).toBe('Page 1 sur 3');
    expect(translate('ar', 'home.alertCount', { n: 3 })).toBe(
      `حالات بها تنبيهات: ${new Intl.NumberFormat('ar').format(3)}`,
    );
  });

  it("takes the form for the number's plural category in the language, the plain text when it has none", () => {
    expect(translate('en', 'status.waiting', { n: 1 })).toBe('1 change waiting');
    expect(translate('en', 'status.waiting', { n: 0 })).toBe('0 changes waiting');
    // French counts 0 as singular.
    expect(translate('fr', 'status.waiting', { n: 0 })).toBe('0 modification en attente');
    expect(translate('fr', 'status.waiting', { n: 2 })).toBe('2 modifications en attente');
    // Arabic writes it as a counter: one text for every number, never the English singular.
    expect(translate('ar', 'status.waiting', { n: 1 })).toBe(
      `تغييرات بانتظار الإرسال: ${new Intl.NumberFormat('ar').format(1)}`,
    );
  });

  it('gives a small file its bytes, not a rounded-up kilobyte', () => {
    // French separates a number from its unit with a no-break space.
    const size = (locale: string, n: number) => fileSize(locale, n).replace(/\s/g, ' ');
    expect(size('en', 16)).toBe('16 bytes');
    expect(size('fr', 1)).toBe('1 octet');
    expect(size('en', 1500)).toBe('2 kB');
    expect(size('fr', 1.5 * 1024 * 1024)).toBe('1,5 Mo');
  });

  it('keeps every placeholder of the English text in each translation', () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect([locale, key, placeholders(text)]).toEqual([
          locale,
          key,
          placeholders(en[key as keyof typeof en]),
        ]);
      }
    }
  });
  it('writes French punctuation as French does: a narrow no-break space before : ; ? ! and inside « »', () => {
    // A plain space there lets a phone's line break leave the colon or the question mark alone at a line's start.
    const french = [
      ...Object.entries(catalogues.fr ?? {}),
      ...Object.entries(serverCatalogue).map(([key, texts]) => [key, (texts as { fr?: string }).fr ?? '']),
    ];
    const loose = french.filter(([, text]) => / [:;?!»]|« /.test(text ?? '')).map(([key]) => key);
    expect(loose).toEqual([]);
    // Nor glued to the word before it (a time such as 09:00 keeps its colon): an escape written as text,
    // say '\\u202f' gone wrong, leaves exactly that.
    const glued = french
      .filter(([, text]) => /[\p{L}})][:;?!»]|«[^\u202f]/u.test(text ?? ''))
      .map(([key]) => key);
    expect(glued).toEqual([]);
  });
});

describe('every screen in every language', () => {
  it('has each text of the app in French and Arabic (none falls back to English)', () => {
    for (const locale of ['fr', 'ar']) {
      // Plural forms are optional: a language without them uses its plain text for every number.
      const missing = Object.keys(en).filter(
        (key) => !/\.(zero|one|two|few|many)$/.test(key) && !catalogues[locale]?.[key as keyof typeof en],
      );
      expect([locale, missing]).toEqual([locale, []]);
    }
  });
});
