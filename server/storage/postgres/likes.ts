/** PostgreSQL: readers' likes, the count on each comment, and the thread's log of like changes. */
import { DomainError, type LikeStore } from '../../domain.ts';
import type { PgDb } from './db.ts';

export class PgLikes implements LikeStore {
  constructor(private readonly d: PgDb) {}

  async set(commentId: string, reader: string, liked: boolean) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      // The thread's row is locked first: a thread's like changes then commit in the order of their
      // `like_events.seq`, which the "popular" order's snapshot cursor relies on (see
      // storage/reactions.ts). A comment's thread never changes, so reading it unlocked is safe.
      const found = await this.d.one<{ thread_id: string }>(
        'SELECT thread_id FROM comments WHERE id = $1',
        [commentId],
        sql,
      );
      if (!found) throw new DomainError('comment_not_found');
      await sql.query('SELECT 1 FROM threads WHERE id = $1 FOR UPDATE', [found.thread_id]);
      const c = (await this.d.one<{ status: string; hidden: number; likes: number }>(
        'SELECT status, hidden, likes FROM comments WHERE id = $1 FOR UPDATE',
        [commentId],
        sql,
      ))!;
      if (c.status !== 'approved' || c.hidden) throw new DomainError('not_approved');
      const changed = liked
        ? (
            await sql.query(
              'INSERT INTO likes (comment_id, reader, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
              [commentId, reader, now],
            )
          ).rowCount === 1
        : (await sql.query('DELETE FROM likes WHERE comment_id = $1 AND reader = $2', [commentId, reader])).rowCount ===
          1;
      if (!changed) return { likes: c.likes, liked, changed, thread: found.thread_id };
      const delta = liked ? 1 : -1;
      const { likes } = (await this.d.one<{ likes: number }>(
        `WITH event AS (INSERT INTO like_events (thread_id, comment_id, delta, at) VALUES ($3, $2, $1, $4))
         UPDATE comments SET likes = likes + $1 WHERE id = $2 RETURNING likes`,
        [delta, commentId, found.thread_id, now],
        sql,
      ))!;
      return { likes, liked, changed, thread: found.thread_id };
    });
  }
}
