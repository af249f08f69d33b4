/**
 * Tiếng Việt: every string of every element, as one module a developer can read, copy for a new
 * language (one file passed to `registerTranslation()`) or register to override shipped strings.
 * The elements themselves import only their own section from `./vi/`, so a page with one
 * widget downloads only that widget's strings.
 */
export const $code = 'vi';
export const $name = 'Tiếng Việt';

export { related } from './vi/related.js';
export { mostRead } from './vi/most-read.js';
export { share } from './vi/share.js';
export { comments } from './vi/comments.js';
export { commentReport } from './vi/comment-report.js';
export { moderation } from './vi/moderation.js';
export { moderationStats } from './vi/moderation-stats.js';
