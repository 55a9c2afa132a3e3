/** Case and accents set aside, as the server folds names for its search (src/crypto/blindIndex.ts). */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** A test of whether a text holds every word the user typed ("mens ami" finds "Amina Mensah"). */
export function findsWords(query: string): (text: string) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (text) => {
    const folded = fold(text);
    return words.every((w) => folded.includes(w));
  };
}
