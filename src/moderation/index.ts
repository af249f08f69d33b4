/** news-widgets/moderation: `<news-moderation>`, the editors' moderation desk, and its `<news-integration-panel>`. */
import { NewsIntegrationPanel } from './news-integration-panel.js';
import { NewsModeration } from './news-moderation.js';
import { NewsModerationBanForm } from './news-moderation-ban-form.js';
import { NewsModerationBans } from './news-moderation-bans.js';
import { NewsModerationBulk } from './news-moderation-bulk.js';
import { NewsModerationFilter } from './news-moderation-filter.js';
import { NewsModerationRules } from './news-moderation-rules.js';

NewsModeration.define('news-moderation');
NewsIntegrationPanel.define('news-integration-panel');
// The desk's panels (rendered by the desk).
NewsModerationFilter.define('news-moderation-filter');
NewsModerationBulk.define('news-moderation-bulk');
NewsModerationBanForm.define('news-moderation-ban-form');
NewsModerationRules.define('news-moderation-rules');
NewsModerationBans.define('news-moderation-bans');

export {
  NewsModeration,
  NewsIntegrationPanel,
  NewsModerationBanForm,
  NewsModerationBans,
  NewsModerationBulk,
  NewsModerationFilter,
  NewsModerationRules,
};
export type { DeskLoader } from './news-integration-panel.js';
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
// The charts' element loads with its tab (see news-moderation.ts); only its types are exported here.
export type { NewsModerationStats, StatsRequest } from './news-moderation-stats.js';
export type { DeskCall, NewsReportedQueue, ReportedChangeDetail } from './news-reported-queue.js';
