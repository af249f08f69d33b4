import type { RelatedStrings } from '../types.js';

export const related: RelatedStrings = {
  heading: 'Tin liên quan',
  loading: 'Đang tải tin liên quan…',
  view: '{count} lượt xem',
  views: '{count} lượt xem',
};
