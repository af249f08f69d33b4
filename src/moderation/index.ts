/** news-widgets/moderation: `<news-moderation>`, the editors' moderation desk. */
import { defineElement } from '../core/define.js';
import { NewsModeration } from './news-moderation.js';

defineElement('news-moderation', NewsModeration);

export { NewsModeration };
export { MODERATION_STRINGS, type ModerationStrings } from './strings.js';
export type { QueueItem, LogItem, ModerationStatus, ModerationActionDetail } from './news-moderation.js';
