import type { Localized } from '../core/locale.js';
import { comments as enComments } from '../translations/en/comments.js';
import { comments as viComments } from '../translations/vi/comments.js';

export type { CommentStrings } from '../translations/types.js';

/** The comment elements' shipped strings (section `comments` of each language file). */
export const COMMENT_STRINGS: Localized<'comments'> = { section: 'comments', vi: viComments, en: enComments };
