import type { ShareStrings } from '../types.js';

export const share: ShareStrings = {
  heading: 'Chia sẻ thông tin với bạn bè!',
  facebook: 'Chia sẻ lên Facebook',
  zalo: 'Chia sẻ qua Zalo',
  x: 'Chia sẻ lên X',
  linkedin: 'Chia sẻ lên LinkedIn',
  telegram: 'Chia sẻ qua Telegram',
  whatsapp: 'Chia sẻ qua WhatsApp',
  email: 'Gửi qua email',
  copy: 'Sao chép liên kết',
  native: 'Chia sẻ…',
  copied: 'Đã sao chép liên kết',
  close: 'Tắt',
  closeName: 'Tắt hộp chia sẻ',
};
