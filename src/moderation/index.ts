/** news-widgets/moderation: `<news-moderation>`, the editors' moderation desk, and its `<news-integration-panel>`. */
import { NewsIntegrationPanel } from './news-integration-panel.js';
import { NewsModeration } from './news-moderation.js';

NewsModeration.define('news-moderation');
NewsIntegrationPanel.define('news-integration-panel');

export { NewsModeration, NewsIntegrationPanel };
export type { DeskLoader } from './news-integration-panel.js';
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
// The charts' element loads with its tab (see news-moderation.ts); only its types are exported here.
export type { NewsModerationStats, StatsRequest } from './news-moderation-stats.js';
export type { DeskCall, NewsReportedQueue, ReportedChangeDetail } from './news-reported-queue.js';
