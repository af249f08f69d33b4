/** SQLite: comments imported from other systems, with their source ids (see `import/`). */
import type { ImportStore, ImportedComment } from '../../domain.ts';
import type { SqliteDb } from './db.ts';

export class SqliteImports implements ImportStore {
  constructor(private readonly d: SqliteDb) {}

  async known(source: string, sourceIds: string[]) {
    const out = new Map<string, { id: string; rootId: string | null; thread: string }>();
    const find = this.d.s(
      `SELECT s.source_id, c.id, c.root_id, c.thread_id FROM comment_sources s JOIN comments c ON c.id = s.comment_id
       WHERE s.source = ? AND s.source_id IN (SELECT value FROM json_each(?))`,
    );
    // json_each takes any number of ids; chunks keep each statement's result small.
    for (let i = 0; i < sourceIds.length; i += 1000) {
      const rows = find.all(source, JSON.stringify(sourceIds.slice(i, i + 1000))) as {
        source_id: string;
        id: string;
        root_id: string | null;
        thread_id: string;
      }[];
      for (const r of rows) out.set(r.source_id, { id: r.id, rootId: r.root_id, thread: r.thread_id });
    }
    return out;
  }

  async write(source: string, comments: ImportedComment[], actor: string) {
    if (!comments.length) return 0;
    const now = this.d.now();
    return this.d.tx(() => {
      const threads = new Set<string>();
      for (const c of comments) {
        if (!threads.has(c.thread)) {
          threads.add(c.thread);
          this.d
            .s('INSERT INTO threads(id, closed, created_at) VALUES (?, NULL, ?) ON CONFLICT(id) DO NOTHING')
            .run(c.thread, now);
        }
        this.d
          .s(
            `INSERT INTO comments (id, thread_id, parent_id, root_id, name, email, body, body_html, status, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            c.id,
            c.thread,
            c.parentId,
            c.rootId,
            c.name,
            c.email,
            c.body,
            c.bodyHtml,
            c.status,
            c.createdAt,
            c.createdAt,
          );
        this.d
          .s('INSERT INTO comment_sources(source, source_id, comment_id, imported_at) VALUES (?, ?, ?, ?)')
          .run(source, c.sourceId, c.id, now);
      }
      this.d
        .s(
          'INSERT INTO moderation_log(at, actor, action, comment_id, thread_id, before, after) VALUES (?, ?, ?, NULL, NULL, NULL, ?)',
        )
        .run(now, actor, 'import', JSON.stringify({ source, comments: comments.length, threads: threads.size }));
      return comments.length;
    });
  }
}
