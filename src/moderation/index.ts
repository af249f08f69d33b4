/** news-widgets/moderation: `<news-moderation>`, the editors' moderation desk. */
import { NewsModeration } from './news-moderation.js';

NewsModeration.define('news-moderation');

export { NewsModeration };
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
// The charts' element loads with its tab (see news-moderation.ts); only its types are exported here.
export type { NewsModerationStats, StatsRequest } from './news-moderation-stats.js';
