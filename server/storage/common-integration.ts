/** Row mapping of the integration tables, shared by both dialects. */
import type { FeedPollStatus } from '../../src/core/contract.ts';
import type { FeedState } from '../domain.ts';

export interface FeedStateDbRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: number | null;
  status: string | null;
  message: string | null;
  item_count: number | null;
  failures: number;
  next_poll_at: number;
}

export function toFeedState(r: FeedStateDbRow): FeedState {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPollAt: r.last_poll_at == null ? null : Number(r.last_poll_at),
    status: r.status as FeedPollStatus | null,
    message: r.message,
    itemCount: r.item_count == null ? null : Number(r.item_count),
    failures: Number(r.failures),
    nextPollAt: Number(r.next_poll_at),
  };
}

export const FEED_STATE_COLUMNS = [
  'url',
  'etag',
  'last_modified',
  'last_poll_at',
  'status',
  'message',
  'item_count',
  'failures',
  'next_poll_at',
] as const;

export const feedStateValues = (s: FeedState) => [
  s.url,
  s.etag,
  s.lastModified,
  s.lastPollAt,
  s.status,
  s.message,
  s.itemCount,
  s.failures,
  s.nextPollAt,
];
