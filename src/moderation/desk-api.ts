/**
 * What the desk's panels share: the desk's one API call helper (handed down as a property, so
 * sign-in and auth stay in `<news-moderation>`), and how a rule's reason reads in the queue.
 */
import type { HeldReason } from '../core/contract.js';
import { NewsError } from '../core/events.js';
import { format } from '../core/locale.js';
import type { ModerationStrings } from '../translations/types.js';

/** The desk's authenticated request: JSON in and out, typed errors (`NewsError`). */
export type DeskCall = <T>(
  path: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
) => Promise<T>;

/** The HTTP status of a failed request, if it got an answer. */
export const statusOf = (error: unknown): number | undefined =>
  error instanceof NewsError && error.reason === 'http' ? error.status : undefined;

/** One reason a rule (or a ban) held or rejected a comment, as the editor reads it. */
export function reasonText(s: ModerationStrings, reason: HeldReason): string {
  const detail = reason.detail ?? '';
  switch (reason.kind) {
    case 'words':
      return format(s.reasonWords, { detail });
    case 'links':
      return format(s.reasonLinks, { detail });
    case 'duplicate':
      return format(s.reasonDuplicate, { detail });
    case 'caps':
      return s.reasonCaps;
    case 'no_diacritics':
      return s.reasonNoDiacritics;
    case 'ban':
      return s.reasonBan;
  }
}
