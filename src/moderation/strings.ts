import type { Localized } from '../core/locale.js';
import { moderation as enModeration } from '../translations/en/moderation.js';
import { moderation as viModeration } from '../translations/vi/moderation.js';

export type { ModerationStrings } from '../translations/types.js';

/** The desk's shipped strings (section `moderation` of each language file). */
export const MODERATION_STRINGS: Localized<'moderation'> = {
  section: 'moderation',
  vi: viModeration,
  en: enModeration,
};
