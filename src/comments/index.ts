/**
 * news-widgets/comments: `<news-comments>` and its parts `<news-comment-count>`,
 * `<news-comment-list>` and `<news-comment-form>`.
 */
import { defineElement } from '../core/define.js';
import { NewsCommentCount } from './news-comment-count.js';
import { NewsCommentForm } from './news-comment-form.js';
import { NewsCommentList } from './news-comment-list.js';
import { NewsComments } from './news-comments.js';

defineElement('news-comment-count', NewsCommentCount);
defineElement('news-comment-form', NewsCommentForm);
defineElement('news-comment-list', NewsCommentList);
defineElement('news-comments', NewsComments);

export { NewsCommentCount, NewsCommentForm, NewsCommentList, NewsComments };
export { COMMENT_STRINGS, type CommentStrings } from './strings.js';
export type { CommentData, ThreadPage, CommentSort, CommentStatus } from './comments-api.js';
export type { CommentSentDetail } from './news-comment-form.js';
export type { CommentsLoadDetail } from './news-comment-list.js';
