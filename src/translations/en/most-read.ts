import type { MostReadStrings } from '../types.js';

export const mostRead: MostReadStrings = {
  heading: 'Most read',
  loading: 'Loading most read…',
  view: '{count} view',
  views: '{count} views',
  hour: 'This hour',
  day: 'Today',
  week: 'This week',
  month: 'This month',
  empty: 'Nothing to show here yet.',
};
