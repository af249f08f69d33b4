import { NewsMostRead } from './news-most-read.js';

export { NewsMostRead };
export type { MostReadMessages } from './news-most-read.js';

NewsMostRead.define('news-most-read');
