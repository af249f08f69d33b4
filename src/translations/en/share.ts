import type { ShareStrings } from '../types.js';

export const share: ShareStrings = {
  heading: 'Share this with your friends!',
  facebook: 'Share on Facebook',
  zalo: 'Share on Zalo',
  x: 'Share on X',
  linkedin: 'Share on LinkedIn',
  telegram: 'Share on Telegram',
  whatsapp: 'Share on WhatsApp',
  email: 'Send by email',
  copy: 'Copy link',
  native: 'Share…',
  copied: 'Link copied',
  close: 'Close',
  closeName: 'Close share box',
};
