/** PostgreSQL: comments imported from other systems, with their source ids (see `import/`). */
import type { ImportStore, ImportedComment } from '../../domain.ts';
import type { PgDb } from './db.ts';

/** Rows per INSERT: parents come before their replies, so a reply's parent is always in an earlier or the same statement. */
const CHUNK = 1000;

export class PgImports implements ImportStore {
  constructor(private readonly d: PgDb) {}

  async known(source: string, sourceIds: string[]) {
    const rows = await this.d.rows<{ source_id: string; id: string; root_id: string | null; thread_id: string }>(
      `SELECT s.source_id, c.id, c.root_id, c.thread_id FROM comment_sources s JOIN comments c ON c.id = s.comment_id
       WHERE s.source = $1 AND s.source_id = ANY($2::text[])`,
      [source, sourceIds],
    );
    return new Map(rows.map((r) => [r.source_id, { id: r.id, rootId: r.root_id, thread: r.thread_id }]));
  }

  async write(source: string, comments: ImportedComment[], actor: string) {
    if (!comments.length) return 0;
    const now = this.d.now();
    const threads = [...new Set(comments.map((c) => c.thread))];
    return this.d.tx(async (sql) => {
      await sql.query(
        `INSERT INTO threads (id, closed, created_at) SELECT id, NULL, $2 FROM unnest($1::text[]) AS t(id)
         ON CONFLICT (id) DO NOTHING`,
        [threads, now],
      );
      for (let i = 0; i < comments.length; i += CHUNK) {
        const chunk = comments.slice(i, i + CHUNK);
        const col = <K extends keyof ImportedComment>(k: K) => chunk.map((c) => c[k]);
        // Row order is kept (WITH ORDINALITY): within one statement a parent's row is inserted first.
        await sql.query(
          `INSERT INTO comments (id, thread_id, parent_id, root_id, name, email, body, body_html, status, created_at, updated_at)
           SELECT id, thread, parent, root, name, email, body, html, status, at, at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
             $9::text[], $10::bigint[]) WITH ORDINALITY AS r(id, thread, parent, root, name, email, body, html, status, at, ord)
           ORDER BY ord`,
          [
            col('id'),
            col('thread'),
            col('parentId'),
            col('rootId'),
            col('name'),
            col('email'),
            col('body'),
            col('bodyHtml'),
            col('status'),
            col('createdAt'),
          ],
        );
        await sql.query(
          `INSERT INTO comment_sources (source, source_id, comment_id, imported_at)
           SELECT $1, sid, cid, $4 FROM unnest($2::text[], $3::text[]) AS r(sid, cid)`,
          [source, col('sourceId'), col('id'), now],
        );
      }
      await sql.query(
        `INSERT INTO moderation_log (at, actor, action, comment_id, thread_id, before, after)
         VALUES ($1, $2, 'import', NULL, NULL, NULL, $3)`,
        [now, actor, JSON.stringify({ source, comments: comments.length, threads: threads.length })],
      );
      return comments.length;
    });
  }
}
