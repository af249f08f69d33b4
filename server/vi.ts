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
    'a ai ay bao bi bo cac cai can cho chi chieu chua co con cua cung da dang day de den deu do duoc dung gan gi gio hay het hoac hon khi khong kia la lai len ma mot muon nay neu ngay nhieu nhung nhu nao nen nua o oi phai qua ra rang rat roi sang sau se tai tat theo thi tinh toi tren trong truoc tu tung vao ve vi voi vua xong ' +
    'thuoc bang nham gom'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Folded two-syllable stop words: function words ("tuy nhiên") and news boilerplate verbs
 * ("bảo đảm", "góp phần", "mở rộng") that say nothing about the topic. Both syllables drop.
 */
export const STOP_PHRASES: ReadonlySet<string> = new Set([
  'tuy nhien',
  'dong thoi',
  'hien nay',
  'vua qua',
  'tiep tuc',
  'dien ra',
  'trong do',
  'so voi',
  'nhu vay',
  'boi vi',
  'vi vay',
  'do do',
  'ngoai ra',
  'hon nua',
  'bao gom',
  'theo do',
  'tu do',
  'nham muc',
  'muc tieu',
  'cho biet',
  'bao dam',
  'dam bao',
  'gop phan',
  'phat huy',
  'hieu qua',
  'nang cao',
  'khan truong',
  'to chuc',
  'thuc hien',
  'trien khai',
  'tang cuong',
  'huong dan',
  'huong toi',
  'phoi hop',
  'nguoi dan',
  'ba con',
  'dia ban',
  'dia phuong',
  'co so',
  'mo rong',
  'yen tam',
  'thu hut',
  'dong dao',
  'nhieu noi',
  'hang nghin',
  'hang tram',
  'chuyen bien',
  'ro ret',
  'quan tam',
  'tao dieu',
  'dieu kien',
  'co the',
  'nam nay',
  'nam truoc',
  'nam moi',
  'hon nua',
]);

/** Lower-case, strip diacritics, fold đ→d. Keeps only [a-z0-9] and separators. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Syllables grouped by phrase (split at punctuation): folded, or exact (lower-case, NFC, with diacritics). */
function phrases(text: string, fold: boolean): string[][] {
  const t = fold ? foldVietnamese(text) : text.normalize('NFC').toLowerCase();
  return t
    .split(fold ? /[^a-z0-9\s]+/ : /[^\p{L}\p{N}\s]+/u)
    .map((p) => p.split(/\s+/).filter((s) => s.length > 0))
    .filter((p) => p.length > 0);
}

/**
 * Index/query terms for a piece of text: content unigrams plus bigrams of adjacent
 * content syllables ("nong_thon"). `fold` (default) strips diacritics; `fold: false` keeps
 * them, so "nóng dần" and "nông dân" stay apart (used for article-to-article ranking).
 */
export function terms(text: string, fold = true): string[] {
  const out: string[] = [];
  for (const phrase of phrases(text, fold)) {
    const folded = fold ? phrase : phrase.map(foldVietnamese);
    let prev: string | null = null;
    for (let i = 0; i < phrase.length; i++) {
      const syl = phrase[i]!;
      const f = folded[i]!;
      if (i + 1 < phrase.length && STOP_PHRASES.has(`${f} ${folded[i + 1]}`)) {
        i++;
        prev = null;
        continue;
      }
      if (STOP_WORDS.has(f) || (f.length < 2 && !/\d/.test(f))) {
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
export function indexText(text: string, fold = true): string {
  return terms(text, fold).join(' ');
}

/** An editorial tag as one token: "Nông thôn mới" → "nong_thon_moi". */
export function tagToken(tag: string, fold = true): string {
  return (fold ? foldVietnamese(tag) : tag.normalize('NFC').toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join('_');
}
