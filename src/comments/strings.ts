import type { Catalog } from '../core/locale.js';

/** Every string the comment widgets show. Override any of them with the `messages` property. */
export interface CommentStrings {
  /** Count, one comment. `{count}` is the formatted number. */
  countOne: string;
  /** Count, any other number. */
  countOther: string;
  reply: string;
  write: string;
  submit: string;
  close: string;
  notice: string;
  name: string;
  email: string;
  body: string;
  sending: string;
  queued: string;
  pending: string;
  sent: string;
  closed: string;
  more: string;
  newest: string;
  oldest: string;
  sort: string;
  empty: string;
  loadError: string;
  retry: string;
  diacritics: string;
  tooFast: string;
  rejected: string;
  approved: string;
  required: string;
  tooLong: string;
  invalidEmail: string;
  failed: string;
  /** The "@name" cue on replies shown below their parent's depth. */
  replyTo: string;
  /** Accessible name of the comment list. */
  listLabel: string;
  /** Accessible name of a reply form. `{name}` is the author replied to. */
  replyLabel: string;
}

const vi: CommentStrings = {
  countOne: '{count} bình luận',
  countOther: '{count} bình luận',
  reply: 'Trả lời',
  write: 'Viết bình luận',
  submit: 'Gửi bình luận',
  close: 'Tắt',
  notice: 'Ý kiến của bạn sẽ được biên tập trước khi đăng. Vui lòng gõ tiếng Việt có dấu',
  name: 'Họ tên',
  email: 'Email (không bắt buộc, không hiển thị)',
  body: 'Nội dung',
  sending: 'Đang gửi…',
  queued: 'Sẽ gửi khi có mạng',
  pending: 'Đang chờ duyệt',
  sent: 'Đã gửi. Bình luận của bạn đang chờ duyệt.',
  closed: 'Bình luận đã đóng',
  more: 'Xem thêm bình luận',
  newest: 'Mới nhất',
  oldest: 'Cũ nhất',
  sort: 'Sắp xếp',
  empty: 'Chưa có bình luận nào.',
  loadError: 'Không tải được bình luận.',
  retry: 'Thử lại',
  diacritics: 'Bình luận của bạn có vẻ chưa có dấu. Vui lòng gõ tiếng Việt có dấu.',
  tooFast: 'Bạn gửi quá nhanh. Vui lòng thử lại sau {seconds} giây.',
  rejected: 'Bình luận của bạn không được duyệt.',
  approved: 'Bình luận của bạn đã được duyệt.',
  required: 'Vui lòng nhập {field}.',
  tooLong: '{field} dài quá {max} ký tự.',
  invalidEmail: 'Địa chỉ email không hợp lệ.',
  failed: 'Không gửi được bình luận. Vui lòng kiểm tra lại.',
  replyTo: '@{name}',
  listLabel: 'Bình luận',
  replyLabel: 'Trả lời {name}',
};

const en: CommentStrings = {
  countOne: '{count} comment',
  countOther: '{count} comments',
  reply: 'Reply',
  write: 'Write a comment',
  submit: 'Post comment',
  close: 'Close',
  notice: 'Your comment will be edited before it is published.',
  name: 'Name',
  email: 'Email (optional, never shown)',
  body: 'Comment',
  sending: 'Sending…',
  queued: "Will send when you're back online",
  pending: 'Awaiting moderation',
  sent: 'Sent. Your comment is awaiting moderation.',
  closed: 'Comments are closed',
  more: 'Load more comments',
  newest: 'Newest',
  oldest: 'Oldest',
  sort: 'Sort',
  empty: 'No comments yet.',
  loadError: 'Comments could not be loaded.',
  retry: 'Try again',
  diacritics: 'Your comment seems to be Vietnamese typed without diacritics. Please add the accents.',
  tooFast: 'You are posting too fast. Please try again in {seconds} seconds.',
  rejected: 'Your comment was not approved.',
  approved: 'Your comment has been approved.',
  required: 'Please enter {field}.',
  tooLong: '{field} is longer than {max} characters.',
  invalidEmail: 'This email address is not valid.',
  failed: 'Your comment could not be sent. Please check it.',
  replyTo: '@{name}',
  listLabel: 'Comments',
  replyLabel: 'Reply to {name}',
};

export const COMMENT_STRINGS: Catalog<CommentStrings> = { vi, en };
