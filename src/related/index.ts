import { defineElement } from '../core/define.js';
import { NewsRelated } from './news-related.js';

export { NewsRelated };
export type { RelatedMessages } from './news-related.js';

defineElement('news-related', NewsRelated);
