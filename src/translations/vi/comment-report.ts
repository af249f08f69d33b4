import type { CommentReportStrings } from '../types.js';

export const commentReport: CommentReportStrings = {
  title: 'Báo vi phạm bình luận của {name}',
  reason: 'Lý do',
  spam: 'Spam, quảng cáo',
  abuse: 'Xúc phạm, công kích người khác',
  offTopic: 'Lạc đề',
  other: 'Lý do khác',
  text: 'Mô tả thêm (không bắt buộc, tối đa {max} ký tự)',
  submit: 'Gửi báo cáo',
  cancel: 'Hủy',
  failed: 'Chưa gửi được báo cáo. Vui lòng thử lại.',
  gone: 'Bình luận này không còn hiển thị.',
  tooFast: 'Bạn gửi quá nhanh. Vui lòng thử lại sau {seconds} giây.',
};
