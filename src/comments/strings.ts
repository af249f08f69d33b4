import type { Localized } from '../core/locale.js';
import * as en from '../translations/en.js';
import * as vi from '../translations/vi.js';

export type { CommentStrings } from '../translations/types.js';

/** The comment elements' shipped strings (section `comments` of each language file). */
export const COMMENT_STRINGS: Localized<'comments'> = { section: 'comments', vi: vi.comments, en: en.comments };
