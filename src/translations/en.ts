/**
 * English: every string of every element, as one module a developer can read, copy for a new
 * language (one file passed to `registerTranslation()`) or register to override shipped strings.
 * The elements themselves import only their own section from `./en/`, so a page with one
 * widget downloads only that widget's strings.
 */
export const $code = 'en';
export const $name = 'English';

export { related } from './en/related.js';
export { mostRead } from './en/most-read.js';
export { share } from './en/share.js';
export { comments } from './en/comments.js';
export { commentReport } from './en/comment-report.js';
export { moderation } from './en/moderation.js';
export { moderationStats } from './en/moderation-stats.js';
