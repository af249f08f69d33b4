import type { MostReadStrings } from '../types.js';

export const mostRead: MostReadStrings = {
  heading: 'Đọc nhiều',
  loading: 'Đang tải tin đọc nhiều…',
  view: '{count} lượt xem',
  views: '{count} lượt xem',
  hour: 'Giờ',
  day: 'Ngày',
  week: 'Tuần',
  month: 'Tháng',
  empty: 'Chưa có dữ liệu cho mục này.',
};
