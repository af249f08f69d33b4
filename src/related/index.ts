import { NewsRelated } from './news-related.js';

export { NewsRelated };
export type { RelatedMessages } from './news-related.js';

NewsRelated.define('news-related');
