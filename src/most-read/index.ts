import { defineElement } from '../core/define.js';
import { NewsMostRead } from './news-most-read.js';

export { NewsMostRead };
export type { MostReadMessages } from './news-most-read.js';

defineElement('news-most-read', NewsMostRead);
