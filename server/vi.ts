/**
 * Vietnamese-aware text folding for search and related-article ranking.
 *
 * - Diacritics are removed and đ/Đ is folded to d, so "thanh hoa" matches "Thanh Hóa".
 * - Text is split into syllables (Vietnamese words are space-separated syllables).
 * - Stop words are dropped.
 * - Adjacent content syllables also yield a bigram token "nong_thon", so a two-syllable
 *   word ranks as a phrase. Bigrams never span punctuation or a stop word.
 */

/** Folded Vietnamese stop words (function words and very frequent news filler). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ai ay bao bi bo cac cai can cho chi chieu chua co con cua cung da dang day de den deu do duoc dung gan gi gio hay het hoac hon khi khong kia la lai len ma moi mot muon nay neu ngay nhieu nhung nhu nao nen nua o oi phai qua ra rang rat roi sang sau se tai tat theo thi tinh toi tren trong truoc tu tung vao ve vi voi vua xong ' +
    'thuoc tuy nhien bang nham hien tiep tuc gom'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case, strip diacritics, fold đ→d. Keeps only [a-z0-9] and separators. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Folded syllables grouped by phrase (split at punctuation). */
function phrases(text: string): string[][] {
  const folded = foldVietnamese(text);
  return folded
    .split(/[^a-z0-9\s]+/)
    .map((p) => p.split(/\s+/).filter((s) => s.length > 0))
    .filter((p) => p.length > 0);
}

/**
 * Index/query terms for a piece of text: content unigrams plus bigrams of adjacent
 * content syllables ("nong_thon").
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const phrase of phrases(text)) {
    let prev: string | null = null;
    for (const syl of phrase) {
      if (STOP_WORDS.has(syl) || syl.length < 2 && !/\d/.test(syl)) {
        prev = null;
        continue;
      }
      out.push(syl);
      if (prev) out.push(`${prev}_${syl}`);
      prev = syl;
    }
  }
  return out;
}

/** Terms joined by spaces, for an FTS column. */
export function indexText(text: string): string {
  return terms(text).join(' ');
}
