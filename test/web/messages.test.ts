import { catalogues, en, translate } from '../../web/src/i18n/messages';

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
});

describe('every screen in every language', () => {
  it('has each text of the app in French and Arabic (none falls back to English)', () => {
    for (const locale of ['fr', 'ar']) {
      const missing = Object.keys(en).filter((key) => !catalogues[locale]?.[key as keyof typeof en]);
      expect([locale, missing]).toEqual([locale, []]);
    }
  });
});
