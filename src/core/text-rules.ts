/**
 * What readers' text may be, shared by the server's validation and the comment form (so the form
 * shows the same field error before sending). Plain functions over strings: no DOM, no Node.
 *
 * - Direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) are
 *   refused anywhere: they reorder what follows them ("gnp.exe" tricks, names that swallow the
 *   text after them). The marks U+200E/U+200F/U+061C stay allowed: they change no order by themselves.
 * - C1 control characters (U+0080–U+009F) are refused anywhere (C0 controls other than \n and \t
 *   are dropped by the server's trimming, as before).
 * - Text that shows nothing (only spaces, zero-width characters, fillers such as U+3164, U+115F,
 *   U+1160, U+FFA0 or the blank braille pattern U+2800) is refused.
 * - Names that imitate the newsroom ("Ban biên tập", "Biên tập (viên)", "Admin", "Quản trị",
 *   "Moderator", "Tòa soạn"), in any case, with or without diacritics, decorated
 *   ("(Admin) ✔"), spaced out ("A d m i n"), in full-width or look-alike letters, anywhere in the
 *   name, are refused: readers cannot tell them from a real editor's answer. A staff word counts
 *   when it is spelled with its own diacritics or with none at all, so "Trần Thị Quản",
 *   "Lê Quân Trí" or "Bạn đọc Hà Tĩnh" are ordinary names, while "Le Quan Tri" (no diacritics,
 *   the same letters as "quản trị") and "Nguyễn Văn Admin" are refused.
 */
import type { ErrorCode } from './contract.js';

export type TextProblem = 'direction_control' | 'control_character' | 'invisible' | 'staff_name';

/** The error code the server answers for each problem (`field` names the input). */
export const TEXT_PROBLEM_CODE: Record<TextProblem, ErrorCode> = {
  direction_control: 'invalid_text',
  control_character: 'invalid_text',
  invisible: 'invalid_text',
  staff_name: 'reserved_name',
};

const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
const C1_CONTROLS = /[\u0080-\u009F]/u;
/**
 * Characters that draw nothing: white space, format characters (zero-width space and joiners,
 * word joiner, BOM, soft hyphen, Mongolian vowel separator, tags…), the Hangul fillers and the
 * blank braille pattern. Combining marks (variation selectors, U+034F…) are dropped separately.
 */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Why `text` (already trimmed) is refused, or undefined. Empty text is the caller's "required". */
export function textProblem(text: string): Exclude<TextProblem, 'staff_name'> | undefined {
  if (DIRECTION_CONTROLS.test(text)) return 'direction_control';
  if (C1_CONTROLS.test(text)) return 'control_character';
  // Only combining marks left (nothing to sit on) shows as nothing, or as a stray accent.
  if (text !== '' && text.replace(INVISIBLE, '').replace(/\p{M}/gu, '') === '') return 'invisible';
  return undefined;
}

/** Why a reader's `name` is refused, or undefined. */
export function nameProblem(name: string): TextProblem | undefined {
  return textProblem(name) ?? (imitatesStaff(name) ? 'staff_name' : undefined);
}

/** Staff words, each with its own diacritics (a word also matches when written with none). */
const STAFF_TERMS = [
  'ban biên tập',
  'biên tập',
  'quản trị',
  'tòa soạn',
  'toà soạn',
  'admin',
  'administrator',
  'moderator',
  'mod',
  'bbt',
  'btv',
  'qtv',
].map((t) => t.split(' '));
/** Terms also caught when their letters are spaced out ("A d m i n"); short ones would hit initials. */
const SPELLED_OUT = new Set(['admin', 'administrator', 'moderator', 'quantri', 'bientap', 'banbientap']);

/** Latin look-alikes among Cyrillic and Greek letters (lower case), enough for the staff words. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ԁ: 'd',
  ѕ: 's',
  ո: 'n',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
};
/** Digits and signs used for letters between letters ("Adm1n", "M0derator"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '@': 'a', $: 's' };

/** Without diacritics: "quản trị" → "quan tri", "đ" → "d". */
const bare = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').normalize('NFC');

/** The name's words, lower case, look-alikes and full-width forms folded, decorations dropped. */
function nameWords(name: string): string[] {
  const folded = [...name.normalize('NFKC').toLowerCase()].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return folded
    .replace(/(?<=\p{L})[0134@$](?=\p{L})/gu, (ch) => LEET[ch]!)
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean)
    .map((w) => w.normalize('NFC'));
}

/** A word matches a staff word spelled exactly, or spelled with no diacritics at all. */
const sameWord = (word: string, staff: string) => word === staff || (word === bare(word) && word === bare(staff));

/** True when the name contains a staff term (see the module comment). */
export function imitatesStaff(name: string): boolean {
  const words = nameWords(name);
  for (const term of STAFF_TERMS) {
    for (let i = 0; i + term.length <= words.length; i++) {
      if (term.every((t, k) => sameWord(words[i + k]!, t))) return true;
    }
    // Written as one word: "BanBienTap", "quantri".
    if (term.length > 1 && words.some((w) => sameWord(w, term.join('')))) return true;
  }
  // Letters spaced out or dotted: runs of one-letter words read as one word.
  let run = '';
  for (const w of [...words, '']) {
    if ([...w].length === 1) run += w;
    else {
      if (SPELLED_OUT.has(bare(run))) return true;
      run = '';
    }
  }
  return false;
}
