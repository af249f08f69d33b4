/**
 * news-widgets/moderation: `<news-moderation>`, the editors' moderation desk. The elements of its
 * queue (filter, bulk actions, ban form) are defined here; those of its other tabs (reported,
 * rules, bans, charts, integration) load with their tab, so only their types are exported here.
 */
import { NewsModeration } from './news-moderation.js';
import { NewsModerationBanForm } from './news-moderation-ban-form.js';
import { NewsModerationBulk } from './news-moderation-bulk.js';
import { NewsModerationFilter } from './news-moderation-filter.js';

NewsModeration.define('news-moderation');
NewsModerationFilter.define('news-moderation-filter');
NewsModerationBulk.define('news-moderation-bulk');
NewsModerationBanForm.define('news-moderation-ban-form');

export { NewsModeration, NewsModerationBanForm, NewsModerationBulk, NewsModerationFilter };
export type { DeskLoader, NewsIntegrationPanel } from './news-integration-panel.js';
export type { NewsModerationBans } from './news-moderation-bans.js';
export type { NewsModerationRules } from './news-moderation-rules.js';
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
export type { NewsModerationStats, StatsRequest } from './news-moderation-stats.js';
export type { DeskCall, NewsReportedQueue, ReportedChangeDetail } from './news-reported-queue.js';
