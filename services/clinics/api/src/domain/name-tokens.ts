/**
 * The words of a person's name as a search compares them. Names are sealed (pii.ts), so the clinic finds a
 * resident by name through a keyed blind index of these words: equal words give equal indexes, and the
 * index says nothing without the key.
 *
 * Why whole words and nothing finer: each indexed fragment is one more equality an attacker holding the
 * store (without the key) can count — a common family name shows up as a frequent index, which a blind
 * index of whole words already reveals, while prefixes or trigrams would reveal far more (the length and
 * letters of every name). So «احمدی» finds «زهرا احمدی», and «احم» finds nothing: staff type a whole
 * first or family name, or search by national id or file number, which are exact anyway.
 *
 * The same person is typed many ways, so words are normalised first: Arabic yeh and kaf become Persian,
 * hamza-carrying alefs and madda become a plain alef, diacritics, tatweel and the zero-width non-joiner go
 * («علی‌رضا» = «علیرضا»), Latin letters are lower-cased and digits read as Latin.
 */
const persianDigits = /[\u06f0-\u06f9]/g;
const arabicDigits = /[\u0660-\u0669]/g;

export function normaliseNameWord(word: string): string {
  return word
    .normalize('NFKC')
    .replace(persianDigits, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(arabicDigits, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u064b-\u065f\u0670\u0640\u200c\u200d]/g, '')
    .toLowerCase();
}

/** The distinct normalised words of a name (or of what was typed in a search box), words of one letter left out. */
export function nameWords(text: string): string[] {
  const words = text
    .split(/[\s.,،;؛:()\-_/\\"'«»]+/u)
    .map(normaliseNameWord)
    .filter((w) => [...w].length >= 2);
  return [...new Set(words)];
}
