import { NewsShare } from './news-share.js';

export { NewsShare };
export type { NewsShareDetail, NewsShareMessages } from './news-share.js';
// The per-network helpers (`facebookShareUrl`, …) stay in ./share-urls.js: re-exporting them here
// would keep them all in the publisher bundle, which needs only `shareUrl`.
export { shareUrl, withUtm, type ShareNetwork } from './share-urls.js';

NewsShare.define('news-share');
