/**
 * Word-list matching on Vietnamese syllable boundaries. A text and each entry are NFC-normalized,
 * lower-cased and split at every non-letter (Vietnamese words are space-separated syllables), and
 * an entry matches a run of whole syllables: "ngu" never matches inside "nguyễn" or "người".
 *
 * Diacritics: an entry always matches as written. With `folded`, it also matches the same syllables
 * typed without any diacritics ("cac" for "cặc"), never the same letters with other diacritics
 * ("các", "cắc"): those are other words, often innocent ones.
 */
import type { RuleWord } from '../../src/core/contract.ts';
import { foldVietnamese } from '../vi.ts';

/** Syllables of a text: NFC, lower case, split at anything that is not a letter or a digit. */
export function syllables(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A syllable written without any diacritics (plain a–z, digits). */
const isBare = (syllable: string) => foldVietnamese(syllable) === syllable;

function syllableMatches(token: string, word: string, folded: boolean): boolean {
  if (token === word) return true;
  return folded && isBare(token) && token === foldVietnamese(word);
}

/** The first entry of `words` found in `text`, if any. */
export function findWord(text: string, words: RuleWord[]): RuleWord | undefined {
  const tokens = syllables(text);
  for (const entry of words) {
    const parts = syllables(entry.word);
    if (!parts.length) continue;
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, j) => syllableMatches(tokens[i + j]!, p, entry.folded))) return entry;
    }
  }
  return undefined;
}
