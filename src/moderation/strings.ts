import type { Catalog } from '../core/locale.js';

export interface ModerationStrings {
  title: string;
  signInTitle: string;
  tokenLabel: string;
  editorLabel: string;
  editorHint: string;
  signIn: string;
  signOut: string;
  wrongToken: string;
  signedInAs: string;
  pending: string;
  approved: string;
  rejected: string;
  log: string;
  states: string;
  shortcuts: string;
  empty: string;
  loading: string;
  failed: string;
  retry: string;
  loadMore: string;
  approve: string;
  reject: string;
  edit: string;
  closeThread: string;
  reopenThread: string;
  threadClosed: string;
  replyTo: string;
  article: string;
  thread: string;
  original: string;
  formatted: string;
  bodyLabel: string;
  htmlLabel: string;
  htmlHint: string;
  saveApprove: string;
  save: string;
  cancel: string;
  doneApproved: string;
  doneRejected: string;
  doneEdited: string;
  doneClosed: string;
  doneReopened: string;
  actionFailed: string;
  queueLabel: string;
  logEmpty: string;
  logWhen: string;
  logWho: string;
  logAction: string;
  logComment: string;
  logChange: string;
}

export const MODERATION_STRINGS: Catalog<ModerationStrings> = {
  vi: {
    title: 'Kiểm duyệt bình luận',
    signInTitle: 'Đăng nhập bàn kiểm duyệt',
    tokenLabel: 'Mã biên tập viên',
    editorLabel: 'Tên của bạn (ghi vào nhật ký)',
    editorHint: 'Không bắt buộc',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    wrongToken: 'Mã không đúng. Vui lòng thử lại.',
    signedInAs: 'Đang làm việc: {name}',
    pending: 'Chờ duyệt',
    approved: 'Đã duyệt',
    rejected: 'Đã từ chối',
    log: 'Nhật ký',
    states: 'Trạng thái bình luận',
    shortcuts: 'Phím tắt: j/k chuyển bình luận, a duyệt, r từ chối, e biên tập, Esc hủy biên tập.',
    empty: 'Không có bình luận nào.',
    loading: 'Đang tải…',
    failed: 'Không tải được danh sách.',
    retry: 'Thử lại',
    loadMore: 'Xem thêm',
    approve: 'Duyệt',
    reject: 'Từ chối',
    edit: 'Biên tập',
    closeThread: 'Đóng luồng',
    reopenThread: 'Mở lại luồng',
    threadClosed: 'Luồng đã đóng',
    replyTo: 'Trả lời {name}:',
    article: 'Bài viết',
    thread: 'Luồng',
    original: 'Nguyên văn của độc giả:',
    formatted: 'Bản định dạng:',
    bodyLabel: 'Nội dung (văn bản thuần)',
    htmlLabel: 'Bản định dạng (HTML: p, br, b, i, a, blockquote; không bắt buộc)',
    htmlHint: 'Để trống nếu không cần định dạng.',
    saveApprove: 'Lưu và duyệt',
    save: 'Lưu, vẫn chờ duyệt',
    cancel: 'Hủy',
    doneApproved: 'Đã duyệt bình luận của {name}.',
    doneRejected: 'Đã từ chối bình luận của {name}.',
    doneEdited: 'Đã lưu bản biên tập bình luận của {name}.',
    doneClosed: 'Đã đóng luồng {thread}.',
    doneReopened: 'Đã mở lại luồng {thread}.',
    actionFailed: 'Thao tác không thành công ({status}).',
    queueLabel: 'Danh sách bình luận: {state}',
    logEmpty: 'Chưa có thao tác nào.',
    logWhen: 'Thời gian',
    logWho: 'Người thực hiện',
    logAction: 'Thao tác',
    logComment: 'Bình luận / luồng',
    logChange: 'Trước → sau',
  },
  en: {
    title: 'Comment moderation',
    signInTitle: 'Sign in to the moderation desk',
    tokenLabel: 'Moderator token',
    editorLabel: 'Your name (for the log)',
    editorHint: 'Optional',
    signIn: 'Sign in',
    signOut: 'Sign out',
    wrongToken: 'Wrong token. Please try again.',
    signedInAs: 'Signed in as {name}',
    pending: 'Pending',
    approved: 'Approved',
    rejected: 'Rejected',
    log: 'Log',
    states: 'Comment states',
    shortcuts: 'Shortcuts: j/k move between comments, a approve, r reject, e edit, Esc cancel editing.',
    empty: 'No comments.',
    loading: 'Loading…',
    failed: 'Could not load the list.',
    retry: 'Retry',
    loadMore: 'Load more',
    approve: 'Approve',
    reject: 'Reject',
    edit: 'Edit',
    closeThread: 'Close thread',
    reopenThread: 'Reopen thread',
    threadClosed: 'Thread closed',
    replyTo: 'Reply to {name}:',
    article: 'Article',
    thread: 'Thread',
    original: 'Reader’s original:',
    formatted: 'Formatted version:',
    bodyLabel: 'Text (plain)',
    htmlLabel: 'Formatted version (HTML: p, br, b, i, a, blockquote; optional)',
    htmlHint: 'Leave empty for no formatting.',
    saveApprove: 'Save and approve',
    save: 'Save, keep pending',
    cancel: 'Cancel',
    doneApproved: 'Approved the comment by {name}.',
    doneRejected: 'Rejected the comment by {name}.',
    doneEdited: 'Saved the edit of the comment by {name}.',
    doneClosed: 'Closed thread {thread}.',
    doneReopened: 'Reopened thread {thread}.',
    actionFailed: 'The action failed ({status}).',
    queueLabel: 'Comments: {state}',
    logEmpty: 'No actions yet.',
    logWhen: 'When',
    logWho: 'Who',
    logAction: 'Action',
    logComment: 'Comment / thread',
    logChange: 'Before → after',
  },
};
