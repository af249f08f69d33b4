/** SQLite: editor accounts and their desk sessions. */
import { DomainError, type EditorStore } from '../../domain.ts';
import { editorNameKey, toEditor, type EditorDbRow } from '../editor-rows.ts';
import type { SqliteDb } from './db.ts';

export class SqliteEditors implements EditorStore {
  constructor(private readonly d: SqliteDb) {}

  private row(name: string) {
    return this.d.s('SELECT * FROM editors WHERE name_key = ?').get(editorNameKey(name)) as EditorDbRow | undefined;
  }

  async create(name: string, secretHash: string) {
    const r = this.d
      .s(
        `INSERT INTO editors (name, name_key, secret_hash, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(name_key) DO NOTHING RETURNING *`,
      )
      .get(name, editorNameKey(name), secretHash, this.d.now()) as EditorDbRow | undefined;
    if (!r) throw new DomainError('editor_exists', `An editor named ${name} already exists.`, 'name');
    return toEditor(r);
  }

  async list() {
    return (this.d.s('SELECT * FROM editors ORDER BY name_key').all() as EditorDbRow[]).map(toEditor);
  }

  async credentials(name: string) {
    const r = this.row(name);
    return r && { id: r.id, name: r.name, secretHash: r.secret_hash, disabled: r.disabled_at != null };
  }

  async setSecret(name: string, secretHash: string) {
    return this.d.tx(() => {
      const r = this.row(name);
      if (!r) return false;
      this.d.s('UPDATE editors SET secret_hash = ? WHERE id = ?').run(secretHash, r.id);
      this.d.s('DELETE FROM editor_sessions WHERE editor_id = ?').run(r.id);
      return true;
    });
  }

  async setDisabled(name: string, disabled: boolean) {
    return this.d.tx(() => {
      const r = this.row(name);
      if (!r) return false;
      this.d
        .s('UPDATE editors SET disabled_at = ? WHERE id = ?')
        .run(disabled ? (r.disabled_at ?? this.d.now()) : null, r.id);
      if (disabled) this.d.s('DELETE FROM editor_sessions WHERE editor_id = ?').run(r.id);
      return true;
    });
  }

  async startSession(editorId: number, idHash: string, idleMs: number) {
    const now = this.d.now();
    this.d.tx(() => {
      this.d.s('DELETE FROM editor_sessions WHERE expires_at <= ?').run(now);
      this.d
        .s('INSERT INTO editor_sessions (id_hash, editor_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(idHash, editorId, now, now + idleMs);
      this.d.s('UPDATE editors SET last_sign_in_at = ? WHERE id = ?').run(now, editorId);
    });
  }

  async session(idHash: string, idleMs: number, maxAgeMs: number) {
    const now = this.d.now();
    const r = this.d
      .s(
        `SELECT e.name FROM editor_sessions s JOIN editors e ON e.id = s.editor_id
         WHERE s.id_hash = ? AND s.expires_at > ? AND s.created_at > ? AND e.disabled_at IS NULL`,
      )
      .get(idHash, now, now - maxAgeMs) as { name: string } | undefined;
    if (!r) return undefined;
    this.d.s('UPDATE editor_sessions SET expires_at = ? WHERE id_hash = ?').run(now + idleMs, idHash);
    return r.name;
  }

  async endSession(idHash: string) {
    this.d.s('DELETE FROM editor_sessions WHERE id_hash = ?').run(idHash);
  }
}
