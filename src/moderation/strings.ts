import type { Localized } from '../core/locale.js';
import * as en from '../translations/en.js';
import * as vi from '../translations/vi.js';

export type { ModerationStrings } from '../translations/types.js';

/** The desk's shipped strings (section `moderation` of each language file). */
export const MODERATION_STRINGS: Localized<'moderation'> = {
  section: 'moderation',
  vi: vi.moderation,
  en: en.moderation,
};
