/**
 * What both dialects share for the desk (rules, bans, the filtered queue): row shapes and their
 * mapping, the queue states as SQL predicates, and the columns a new comment's marks are written to.
 * The SQL of each dialect lives in its `desk.ts`.
 */
import type { HeldReason, ModerationBan, ModerationRule, QueueState } from '../../src/core/contract.ts';
import type { NewCommentMarks } from '../domain.ts';
import { foldVietnamese } from '../vi.ts';
import { iso, toQueueItem, type QueueDbRow } from './common.ts';

/** The columns `author_hash, body_hash, held_by, no_diacritics, silent` of a new comment. */
export function deskColumns(m: NewCommentMarks | undefined) {
  return [
    m?.authorHash ?? null,
    m?.bodyHash ?? null,
    m?.heldBy?.length ? JSON.stringify(m.heldBy) : null,
    m?.noDiacritics ? 1 : 0,
    m?.silent ? 1 : 0,
  ] as const;
}

/** The status a reader's poll sees: a silently rejected comment stays `pending` (nothing reveals the rule). */
export const READER_STATUS = "CASE WHEN status = 'rejected' AND silent = 1 THEN 'pending' ELSE status END";

/**
 * Each queue state as a predicate on `comments c` (no parameters, the same in both dialects). A new
 * state (e.g. reported) is one entry here and one in the contract's QUEUE_STATES.
 */
export const QUEUE_STATE_SQL: Record<QueueState, string> = {
  pending: "c.status = 'pending'",
  held: "c.status = 'pending' AND c.held_by IS NOT NULL",
  approved: "c.status = 'approved'",
  rejected: "c.status = 'rejected'",
};

/** Pending states are worked oldest first (a queue); the others show the most recent first. */
export const oldestFirst = (state: QueueState) => state === 'pending' || state === 'held';

export type DeskDbRow = QueueDbRow & { held_by: string | null; no_diacritics: number };

export const toDeskItem = (r: DeskDbRow) => ({
  ...toQueueItem(r),
  heldBy: r.held_by ? (JSON.parse(r.held_by) as HeldReason[]) : null,
  noDiacritics: Number(r.no_diacritics) === 1,
});

export interface RuleDbRow {
  id: number;
  kind: string;
  action: string;
  enabled: number;
  config: string;
  created_at: number;
  updated_at: number;
}

export const toRule = (r: RuleDbRow): ModerationRule =>
  ({
    id: Number(r.id),
    kind: r.kind,
    action: r.action,
    enabled: Number(r.enabled) === 1,
    config: JSON.parse(r.config),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  }) as ModerationRule;

/** What the log records of a rule. */
export const ruleLog = (r: ModerationRule | undefined) =>
  r ? { kind: r.kind, action: r.action, enabled: r.enabled, config: r.config } : null;

export interface BanDbRow {
  id: number;
  author_hash: string | null;
  email: string | null;
  comment_id: string | null;
  name: string | null;
  reason: string | null;
  created_by: string;
  created_at: number;
  expires_at: number | null;
  lifted_at: number | null;
}

export const banActive = (r: BanDbRow, now: number) =>
  r.lifted_at == null && (r.expires_at == null || Number(r.expires_at) > now);

export const toBan = (r: BanDbRow, now: number): ModerationBan => ({
  id: Number(r.id),
  commentId: r.comment_id,
  name: r.name,
  email: r.email,
  client: r.author_hash != null,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
  expiresAt: iso(r.expires_at) ?? null,
  liftedAt: iso(r.lifted_at) ?? null,
  active: banActive(r, now),
});

/** What the log records of a ban (never the client hash). */
export const banLog = (b: ModerationBan) => ({
  name: b.name,
  email: b.email,
  client: b.client,
  expiresAt: b.expiresAt,
  liftedAt: b.liftedAt,
  reason: b.reason,
});

/** A search text as the folded, LIKE-escaped pattern both dialects match against folded name + body. */
export function searchPattern(q: string): string {
  const folded = foldVietnamese(q.normalize('NFC')).trim().replace(/\s+/g, ' ');
  return `%${folded.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * Character pairs for PostgreSQL's `translate()`, so SQL folds exactly as `foldVietnamese` does
 * (diacritics off, đ→d) for every Latin letter with marks, either case; `lower()` does the rest.
 */
export const FOLD_TRANSLATE = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const f = foldVietnamese(ch);
      if (f !== ch && /^[a-z]$/.test(f)) {
        from += ch;
        to += f;
      }
    }
  }
  return { from, to };
})();
