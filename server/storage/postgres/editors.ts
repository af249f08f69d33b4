/** PostgreSQL: editor accounts and their desk sessions, shared by every server process. */
import { DomainError, type EditorStore } from '../../domain.ts';
import { editorNameKey, toEditor, type EditorDbRow } from '../editor-rows.ts';
import type { PgDb } from './db.ts';

export class PgEditors implements EditorStore {
  constructor(private readonly d: PgDb) {}

  async create(name: string, secretHash: string) {
    const r = await this.d.one<EditorDbRow>(
      `INSERT INTO editors (name, name_key, secret_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name_key) DO NOTHING RETURNING *`,
      [name, editorNameKey(name), secretHash, this.d.now()],
    );
    if (!r) throw new DomainError('editor_exists', `An editor named ${name} already exists.`, 'name');
    return toEditor(r);
  }

  async list() {
    return (await this.d.rows<EditorDbRow>('SELECT * FROM editors ORDER BY name_key')).map(toEditor);
  }

  async credentials(name: string) {
    const r = await this.d.one<EditorDbRow>('SELECT * FROM editors WHERE name_key = $1', [editorNameKey(name)]);
    return r && { id: r.id, name: r.name, secretHash: r.secret_hash, disabled: r.disabled_at != null };
  }

  async setSecret(name: string, secretHash: string) {
    return this.d.tx(async (sql) => {
      const r = await this.d.one<{ id: number }>(
        'UPDATE editors SET secret_hash = $2 WHERE name_key = $1 RETURNING id',
        [editorNameKey(name), secretHash],
        sql,
      );
      if (r) await sql.query('DELETE FROM editor_sessions WHERE editor_id = $1', [r.id]);
      return !!r;
    });
  }

  async setDisabled(name: string, disabled: boolean) {
    return this.d.tx(async (sql) => {
      const r = await this.d.one<{ id: number }>(
        `UPDATE editors SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, $3) END
         WHERE name_key = $1 RETURNING id`,
        [editorNameKey(name), disabled, this.d.now()],
        sql,
      );
      if (r && disabled) await sql.query('DELETE FROM editor_sessions WHERE editor_id = $1', [r.id]);
      return !!r;
    });
  }

  async startSession(editorId: number, idHash: string, idleMs: number) {
    const now = this.d.now();
    await this.d.tx(async (sql) => {
      await sql.query('DELETE FROM editor_sessions WHERE expires_at <= $1', [now]);
      await sql.query(
        'INSERT INTO editor_sessions (id_hash, editor_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [idHash, editorId, now, now + idleMs],
      );
      await sql.query('UPDATE editors SET last_sign_in_at = $2 WHERE id = $1', [editorId, now]);
    });
  }

  async session(idHash: string, idleMs: number, maxAgeMs: number) {
    const now = this.d.now();
    // One statement: checks and slides the expiry together.
    const r = await this.d.one<{ name: string }>(
      `UPDATE editor_sessions s SET expires_at = $2::bigint + $3::bigint FROM editors e
       WHERE s.id_hash = $1 AND e.id = s.editor_id AND s.expires_at > $2 AND s.created_at > $2::bigint - $4::bigint
         AND e.disabled_at IS NULL
       RETURNING e.name`,
      [idHash, now, idleMs, maxAgeMs],
    );
    return r?.name;
  }

  async endSession(idHash: string) {
    await this.d.pool.query('DELETE FROM editor_sessions WHERE id_hash = $1', [idHash]);
  }
}
