import type { RelatedStrings } from '../types.js';

export const related: RelatedStrings = {
  heading: 'Related news',
  loading: 'Loading related news…',
  view: '{count} view',
  views: '{count} views',
};
