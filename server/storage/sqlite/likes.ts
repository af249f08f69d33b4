/** SQLite: readers' likes, the count on each comment, and the thread's log of like changes. */
import { DomainError, type LikeStore } from '../../domain.ts';
import type { SqliteDb } from './db.ts';

export class SqliteLikes implements LikeStore {
  constructor(private readonly d: SqliteDb) {}

  async set(commentId: string, reader: string, liked: boolean) {
    const now = this.d.now();
    return this.d.tx(() => {
      const c = this.d.s('SELECT thread_id, status, hidden, likes FROM comments WHERE id = ?').get(commentId) as
        { thread_id: string; status: string; hidden: number; likes: number } | undefined;
      if (!c) throw new DomainError('comment_not_found');
      if (c.status !== 'approved' || c.hidden) throw new DomainError('not_approved');
      const changed = liked
        ? this.d
            .s('INSERT INTO likes(comment_id, reader, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
            .run(commentId, reader, now).changes === 1
        : this.d.s('DELETE FROM likes WHERE comment_id = ? AND reader = ?').run(commentId, reader).changes === 1;
      if (!changed) return { likes: c.likes, liked, changed, thread: c.thread_id };
      const delta = liked ? 1 : -1;
      const { likes } = this.d
        .s('UPDATE comments SET likes = likes + ? WHERE id = ? RETURNING likes')
        .get(delta, commentId) as { likes: number };
      this.d
        .s('INSERT INTO like_events(thread_id, comment_id, delta, at) VALUES (?, ?, ?, ?)')
        .run(c.thread_id, commentId, delta, now);
      return { likes, liked, changed, thread: c.thread_id };
    });
  }
}
