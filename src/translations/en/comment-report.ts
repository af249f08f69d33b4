import type { CommentReportStrings } from '../types.js';

export const commentReport: CommentReportStrings = {
  title: 'Report the comment by {name}',
  reason: 'Reason',
  spam: 'Spam or advertising',
  abuse: 'Abusive or insulting',
  offTopic: 'Off topic',
  other: 'Something else',
  text: 'Details (optional, at most {max} characters)',
  submit: 'Send report',
  cancel: 'Cancel',
  failed: 'Your report could not be sent. Please try again.',
  gone: 'This comment is no longer shown.',
  tooFast: 'You are sending too fast. Please try again in {seconds} seconds.',
};
