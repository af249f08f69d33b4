/**
 * news-widgets/comments: defines `<news-comments>` and `<news-comment-count>` at once; the list
 * and the form (`<news-comment-list>`, `<news-comment-form>`) are element modules of their own,
 * imported when a section or a standalone element comes near the viewport.
 */
import { sharedCommentStore } from './comment-store.js';
import { watchStandalone } from './loader.js';
import { NewsCommentCount } from './news-comment-count.js';
import { NewsComments } from './news-comments.js';

NewsCommentCount.define('news-comment-count');
NewsComments.define('news-comments');
watchStandalone();
// A comment queued on an earlier visit goes out by itself, whatever else the page shows.
sharedCommentStore();

export { NewsCommentCount, NewsComments };
export { loadForm, loadList } from './loader.js';
export { CommentStore, sharedCommentStore } from './comment-store.js';
export type { Draft, OutboxEntry, OwnComment, StoreChangeDetail, StoreResultDetail } from './comment-store.js';
export { COMMENT_STRINGS, type CommentStrings } from './strings.js';
export type {
  CommentData,
  ThreadPage,
  CommentSort,
  CommentStatus,
  LikeAnswer,
  ReportReason,
} from '../core/contract.js';
export type { NewsCommentReport, ReportCloseDetail } from './news-comment-report.js';
export type { CommentSentDetail, NewsCommentForm } from './news-comment-form.js';
export type { CommentsLoadDetail, CommentsSortDetail, NewsCommentList } from './news-comment-list.js';
