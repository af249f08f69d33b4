/** news-widgets/moderation: `<news-moderation>`, the editors' moderation desk. */
import { NewsModeration } from './news-moderation.js';

NewsModeration.define('news-moderation');

export { NewsModeration };
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
export type { DeskCall, NewsReportedQueue, ReportedChangeDetail } from './news-reported-queue.js';
