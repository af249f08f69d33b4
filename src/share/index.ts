import { defineElement } from '../core/define.js';
import { NewsShare } from './news-share.js';

export { NewsShare };
export type { NewsShareDetail, NewsShareMessages } from './news-share.js';
export * from './share-urls.js';

defineElement('news-share', NewsShare);
