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

interface Entry {
  word: RuleWord;
  /** Syllables as written. */
  exact: string[];
  /** Syllables without diacritics, for an entry that also matches bare text; else null. */
  bare: string[] | null;
}

/** A word list indexed by first syllable: as written, and without diacritics for `folded` entries. */
interface WordIndex {
  exact: Map<string, Entry[]>;
  bare: Map<string, Entry[]>;
}

function push(map: Map<string, Entry[]>, key: string, entry: Entry) {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function buildIndex(words: RuleWord[]): WordIndex {
  const index: WordIndex = { exact: new Map(), bare: new Map() };
  for (const word of words) {
    const exact = syllables(word.word);
    if (!exact.length) continue;
    const entry: Entry = { word, exact, bare: word.folded ? exact.map(foldVietnamese) : null };
    push(index.exact, exact[0]!, entry);
    if (entry.bare) push(index.bare, entry.bare[0]!, entry);
  }
  return index;
}

/** Word lists are read with the rules for every comment: index each list once. */
const indexes = new Map<string, WordIndex>();
function indexOf(words: RuleWord[]): WordIndex {
  const key = JSON.stringify(words);
  let index = indexes.get(key);
  if (!index) {
    if (indexes.size >= 64) indexes.delete(indexes.keys().next().value!);
    indexes.set(key, (index = buildIndex(words)));
  }
  return index;
}

/** The entry of `words` found first (leftmost) in `text`, if any. */
export function findWord(text: string, words: RuleWord[]): RuleWord | undefined {
  const index = indexOf(words);
  const tokens = syllables(text);
  // A token typed without any diacritics (its folded form is itself), else null.
  const bare = tokens.map((t) => (foldVietnamese(t) === t ? t : null));
  const runMatches = (at: number, entry: Entry) =>
    at + entry.exact.length <= tokens.length &&
    entry.exact.every((p, j) => tokens[at + j] === p || (entry.bare !== null && bare[at + j] === entry.bare[j]));
  for (let i = 0; i < tokens.length; i++) {
    for (const entry of index.exact.get(tokens[i]!) ?? []) if (runMatches(i, entry)) return entry.word;
    const b = bare[i];
    if (b !== null) for (const entry of index.bare.get(b!) ?? []) if (runMatches(i, entry)) return entry.word;
  }
  return undefined;
}
