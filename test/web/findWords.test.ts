import { findsWords } from '../../web/src/findWords';

describe('finding by what a person types', () => {
  it('finds a text holding every word typed, in any order, whatever the case and accents', () => {
    const finds = findsWords('MENS ami');
    expect(finds('Amina Mensah')).toBe(true);
    expect(finds('Amina Owusu')).toBe(false);
    expect(findsWords('leila')('Leïla Haddad')).toBe(true);
    expect(findsWords('Élodie')('elodie martin')).toBe(true);
    // Arabic written with or without its vowel marks.
    expect(findsWords('محمد')('مُحَمَّد علي')).toBe(true);
  });

  it('finds everything while nothing is typed', () => {
    expect(findsWords('   ')('anything')).toBe(true);
  });
});
