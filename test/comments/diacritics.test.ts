import { expect } from '@open-wc/testing';
import { lacksDiacritics } from '../../src/comments/diacritics.js';

// Real sentences, typed the way readers type them.
const BARE = [
  'Toi thay bai viet rat hay, cam on tac gia',
  'Chinh phu can lam ro trach nhiem cua cac co quan lien quan',
  'Nguoi dan khong duoc thong bao truoc ve viec cam duong',
  'Theo toi thi nen xu ly nghiem nhung nguoi vi pham luat giao thong',
  'Gia xang tang qua nhanh, nguoi lao dong rat kho khan',
  'khong duoc',
  'Bai viet hay qua! https://vnexpress.net/bai-viet-hay-123.html toi da chia se cho ban be',
];

const FINE = [
  // English.
  'The police said the road was closed',
  'I went to Da Nang and Hoi An last summer, the food was great',
  'That day I sat on the mat and ate a banh mi',
  'Can you do me a favour and hang on a minute?',
  'Thanks for the article, very informative. AI will change everything.',
  // Accented Vietnamese.
  'Tôi thấy bài viết rất hay, cảm ơn tác giả',
  'Người dân không được thông báo trước về việc cấm đường',
  'Giá xăng tăng quá nhanh, người lao động rất khó khăn.',
  // Mixed, mostly accented (a couple of words without marks).
  'Bài viết hay quá, cảm ơn tác giả. Nhung toi nghi khac.',
  'Tôi đồng ý với ý kiến trên, nhưng cần xem xét thêm. Cam on.',
  // Accented Vietnamese with English words and a URL.
  'Đọc thêm ở https://example.com/la-va-cac-nguoi-khong-duoc nhé, rất hữu ích cho team marketing.',
  // Too short to judge, names, numbers.
  'ok',
  'Nguyễn Văn A',
  '2026',
  '',
];

describe('lacksDiacritics', () => {
  for (const text of BARE) {
    it(`flags: ${text}`, () => expect(lacksDiacritics(text)).to.equal(true));
  }
  for (const text of FINE) {
    it(`leaves alone: ${text || '(empty)'}`, () => expect(lacksDiacritics(text)).to.equal(false));
  }
  it('is the same for decomposed (NFD) accented text', () => {
    expect(lacksDiacritics('Tôi thấy bài viết rất hay, cảm ơn tác giả'.normalize('NFD'))).to.equal(false);
  });
});
