/**
 * Does a text look like Vietnamese typed without diacritics ("Toi thay bai viet rat hay")?
 *
 * Vietnamese is written with tone marks; readers who type without them (no Vietnamese
 * keyboard) produce text that editors must rewrite. The check is deliberately cautious, because
 * a wrong hint is worse than none:
 * - tokens are words of letters; URLs, e-mail addresses and @mentions are ignored;
 * - a token counts as "bare Vietnamese" when it is one of the most frequent Vietnamese syllables
 *   written without marks and is not also a common English word ("an", "do", "can", "hay"…);
 * - a token counts as "accented" when it holds any Vietnamese letter outside ASCII (ă â đ ê ô ơ ư
 *   or a tone mark);
 * - the text triggers when bare Vietnamese tokens are at least 3 (2 in a text of up to 4
 *   words), make up at least 35 % of all tokens, and outnumber accented tokens 3 to 1.
 * English text triggers only in freak cases; accented Vietnamese and mostly accented mixed text
 * never do.
 */

/** Common English words that are also bare Vietnamese syllables: never evidence. */
const ENGLISH = new Set(
  'a an as at be by do go he hi i if in is it me my no of oh ok on or so to up us we can hay con bo dan tin hat bat hot say long sang man ten pin sun van that day hang sat tap mat song ai'.split(
    ' ',
  ),
);

const BARE = new Set(
  (
    'khong nguoi duoc nhung trong cua la va cac mot nhieu thi viec chung toi ban cung rat nay den tai voi da se ' +
    'co cho khi nhu nhat lam ve di phai dang nuoc viet nam ngay dieu minh chi nen neu vi sao roi gi bao thay bai ' +
    'cam tac gia qua lai len xuong them moi tot xau dep that day kia nao ai hon biet muon thanh pho tinh chinh phu ' +
    'quan tien luong xe duong giao thong benh vien truong hoc sinh cha anh em ong ba chau vay ca dau sau truoc tren ' +
    'duoi giua ngoai cuoc song doi thoi gian luc lan lau nhanh cham mua hang cong ty nghi noi nhin nghe hieu tuong ' +
    'trinh dung sai dong kien phan ung vui buon thuong ghet yeu bien tap ky tieng khac nhau mat nha ong dat tre ' +
    'giup duoc chua nhieu luon van kinh te xa hoi nhan dan nhat dinh hien nay nhu vay tai sao khach ca nhan chuyen ' +
    'xin cam on hoan toan dong y vo chong gia dinh doanh nghiep tham nhung canh sat luat phat tu choi xay ra ' +
    'moi nguoi nuoc ngoai quoc thiet hai tre em hoc sinh sinh vien giao vien bac si cung nhu den nay boi vi ' +
    'nen lam nhung dieu can thiet voi nhau chu khong hay la tu do'
  )
    .split(' ')
    .filter((word) => !ENGLISH.has(word)),
);

const ACCENTED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;

export interface DiacriticsScore {
  tokens: number;
  bare: number;
  accented: number;
}

/** Counts the tokens the decision is made from. */
export function scoreDiacritics(text: string): DiacriticsScore {
  const cleaned = text
    .toLowerCase()
    .normalize('NFC')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+|@\S+/g, ' ');
  const tokens = cleaned.match(/\p{L}+/gu) ?? [];
  let bare = 0;
  let accented = 0;
  for (const token of tokens) {
    if (ACCENTED.test(token)) accented++;
    else if (BARE.has(token)) bare++;
  }
  return { tokens: tokens.length, bare, accented };
}

/** True when the text looks like Vietnamese typed without diacritics. */
export function lacksDiacritics(text: string): boolean {
  const { tokens, bare, accented } = scoreDiacritics(text);
  if (bare < (tokens <= 4 ? 2 : 3)) return false;
  return bare / tokens >= 0.35 && bare >= accented * 3;
}
