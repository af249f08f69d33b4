/**
 * What both dialects share for readers' reactions: the "popular" order's cursor, and the rows of
 * the desk's "Bị báo cáo" queue mapped to the contract's shape.
 *
 * The popular order and its cursor. Top-level comments rank by likes, then newest first (`seq`
 * descending: unique, so the order is total). Likes change while a reader pages, so ranking by
 * the live count would repeat or skip comments that move across a page boundary. Instead a
 * thread page ranks by the counts *as of its first page*: the first page records the last like
 * change of the thread it saw (`pin`, a position in the append-only `like_events` log), and every
 * later page ranks by `likes - (changes after pin)`, which is the count the first page saw. The
 * cursor is `[pin, rankedLikes, seq]` of the last item. So a like between two pages moves nothing
 * in this reader's order; the page still shows each comment's live count. A comment approved
 * after the first page ranks by its likes as of the pin (usually 0) and may appear on a later
 * page; one removed or hidden meanwhile is left out.
 */
import type { ReportReason, ReportedComment } from '../../src/core/contract.ts';
import { decodeCursor, iso, isNum, type CommentDbRow } from './common.ts';

export type PopularCursor = [pin: number, likes: number, seq: number];

const isPopularCursor = (v: unknown): v is PopularCursor =>
  Array.isArray(v) && v.length === 3 && v.every(isNum) && v[0] >= 0;

export const decodePopularCursor = (cursor: string | undefined) => decodeCursor(cursor, isPopularCursor);

/** A ranked row: the comment, its count as of the pin, and the pin itself. */
export type RankedDbRow = CommentDbRow & { ranked: number; pin: number };

export const popularKey = (r: RankedDbRow): PopularCursor => [Number(r.pin), Number(r.ranked), Number(r.seq)];

/** A row of the reported queue, before its reasons and notes are added. */
export type ReportedDbRow = CommentDbRow & {
  article_title: string | null;
  article_url: string | null;
  first_seq: number;
  first_at: number;
};

/** Readers' own words shown per comment in the queue (the newest). */
export const NOTES_SHOWN = 5;

export function toReported(
  r: ReportedDbRow,
  reasons: { comment_id: string; reason: ReportReason; n: number }[],
  notes: { comment_id: string; text: string }[],
): ReportedComment {
  const byReason: Partial<Record<ReportReason, number>> = {};
  for (const x of reasons) if (x.comment_id === r.id) byReason[x.reason] = Number(x.n);
  return {
    id: r.id,
    thread: r.thread_id,
    articleTitle: r.article_title,
    articleUrl: r.article_url,
    name: r.name,
    body: r.body,
    createdAt: iso(r.created_at)!,
    likes: Number(r.likes),
    reports: Number(r.reports),
    reasons: byReason,
    notes: notes
      .filter((x) => x.comment_id === r.id)
      .slice(0, NOTES_SHOWN)
      .map((x) => x.text),
    hidden: Number(r.hidden) === 1,
    reportedAt: iso(r.first_at)!,
  };
}

export const reportedKey = (r: ReportedDbRow) => Number(r.first_seq);

/** What the moderation log records of a report decision. */
export const reportState = (r: CommentDbRow) => ({
  status: r.status,
  reports: Number(r.reports),
  hidden: Number(r.hidden),
});
