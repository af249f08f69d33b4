/** SQLite: the desk's rules, bans, filtered queue and bulk actions, each change logged. */
import type { BulkResult, ModerationRuleInput, QueueState } from '../../../src/core/contract.ts';
import type { DeskFilter, DeskStore, Status } from '../../domain.ts';
import { foldVietnamese } from '../../vi.ts';
import { DAY, decodeCursor, isNum, moderationChange, paginate, pick, type CommentDbRow } from '../common.ts';
import {
  QUEUE_STATE_SQL,
  banActive,
  banLog,
  oldestFirst,
  ruleLog,
  searchPattern,
  toBan,
  toDeskItem,
  toRule,
  type BanDbRow,
  type DeskDbRow,
  type RuleDbRow,
} from '../desk-common.ts';
import type { SqliteDb } from './db.ts';
import type { SqliteModeration } from './moderation.ts';

export class SqliteDesk implements DeskStore {
  constructor(
    private readonly d: SqliteDb,
    /** Writes the log lines (one writer for every desk action). */
    private readonly moderation: SqliteModeration,
  ) {
    // Folded text for the desk's search: the same folding as article search (server/vi.ts).
    d.db.function('vi_fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? foldVietnamese(text).replace(/\s+/g, ' ') : null,
    );
  }

  // ---------------------------------------------------------------- rules

  private rule(id: number) {
    const r = this.d.s('SELECT * FROM moderation_rules WHERE id = ?').get(id) as RuleDbRow | undefined;
    return r && toRule(r);
  }

  async rules(limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const rows = this.d
      .s('SELECT * FROM moderation_rules WHERE (? IS NULL OR id > ?) ORDER BY id LIMIT ?')
      .all(after ?? null, after ?? null, limit + 1) as RuleDbRow[];
    return paginate(rows, limit, toRule, (r) => Number(r.id));
  }

  async activeRules() {
    return (this.d.s('SELECT * FROM moderation_rules WHERE enabled = 1 ORDER BY id').all() as RuleDbRow[]).map(toRule);
  }

  async saveRule(id: number | null, input: ModerationRuleInput, actor: string) {
    const now = this.d.now();
    return this.d.tx(() => {
      const before = id === null ? undefined : this.rule(id);
      if (id !== null && !before) return undefined;
      const config = JSON.stringify(input.config);
      const enabled = input.enabled ? 1 : 0;
      const savedId =
        id === null
          ? Number(
              this.d
                .s(
                  `INSERT INTO moderation_rules(kind, action, enabled, config, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)`,
                )
                .run(input.kind, input.action, enabled, config, now, now).lastInsertRowid,
            )
          : (this.d
              .s(
                'UPDATE moderation_rules SET kind = ?, action = ?, enabled = ?, config = ?, updated_at = ? WHERE id = ?',
              )
              .run(input.kind, input.action, enabled, config, now, id),
            id);
      const after = this.rule(savedId)!;
      this.moderation.write(actor, id === null ? 'rule.create' : 'rule.update', null, null, ruleLog(before), {
        id: savedId,
        ...ruleLog(after),
      });
      return after;
    });
  }

  async deleteRule(id: number, actor: string) {
    return this.d.tx(() => {
      const before = this.rule(id);
      if (!before) return false;
      this.d.s('DELETE FROM moderation_rules WHERE id = ?').run(id);
      this.moderation.write(actor, 'rule.delete', null, null, { id, ...ruleLog(before) }, null);
      return true;
    });
  }

  async otherThreadsWithText(bodyHash: string, thread: string, since: number) {
    return (
      this.d
        .s(
          'SELECT COUNT(DISTINCT thread_id) AS n FROM comments WHERE body_hash = ? AND created_at >= ? AND thread_id <> ?',
        )
        .get(bodyHash, since, thread) as { n: number }
    ).n;
  }

  // ---------------------------------------------------------------- bans

  async activeBan(authorHash: string, email: string | undefined) {
    const now = this.d.now();
    const r = this.d
      .s(
        `SELECT * FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
         AND (author_hash = ? OR (? IS NOT NULL AND email = ?)) ORDER BY id LIMIT 1`,
      )
      .get(now, authorHash, email?.toLowerCase() ?? null, email?.toLowerCase() ?? null) as BanDbRow | undefined;
    return r && toBan(r, now);
  }

  async ban(input: { commentId: string; days: number | null; email: boolean; reason?: string }, actor: string) {
    const now = this.d.now();
    return this.d.tx(() => {
      const c = this.d.s('SELECT * FROM comments WHERE id = ?').get(input.commentId) as
        (CommentDbRow & { author_hash: string | null }) | undefined;
      if (!c) return undefined;
      const email = input.email && c.email ? c.email.toLowerCase() : null;
      if (!c.author_hash && !email) return 'no_author' as const;
      const id = Number(
        this.d
          .s(
            `INSERT INTO bans(author_hash, email, comment_id, name, reason, created_by, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            c.author_hash,
            email,
            c.id,
            c.name,
            input.reason || null,
            actor,
            now,
            input.days === null ? null : now + input.days * DAY,
          ).lastInsertRowid,
      );
      const ban = toBan(this.d.s('SELECT * FROM bans WHERE id = ?').get(id) as BanDbRow, now);
      this.moderation.write(actor, 'ban', c.id, c.thread_id, null, { id, ...banLog(ban) });
      return ban;
    });
  }

  async bans(active: boolean, limit: number, cursor?: string) {
    const now = this.d.now();
    const before = decodeCursor(cursor, isNum);
    const rows = this.d
      .s(
        `SELECT * FROM bans WHERE (? IS NULL OR id < ?)
         AND (? = 0 OR (lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)))
         ORDER BY id DESC LIMIT ?`,
      )
      .all(before ?? null, before ?? null, active ? 1 : 0, now, limit + 1) as BanDbRow[];
    return paginate(
      rows,
      limit,
      (r) => toBan(r, now),
      (r) => Number(r.id),
    );
  }

  async liftBan(id: number, actor: string) {
    const now = this.d.now();
    return this.d.tx(() => {
      const r = this.d.s('SELECT * FROM bans WHERE id = ?').get(id) as BanDbRow | undefined;
      if (!r) return undefined;
      const before = toBan(r, now);
      if (banActive(r, now)) {
        this.d.s('UPDATE bans SET lifted_at = ?, lifted_by = ? WHERE id = ?').run(now, actor, id);
        const after = toBan(this.d.s('SELECT * FROM bans WHERE id = ?').get(id) as BanDbRow, now);
        this.moderation.write(actor, 'unban', r.comment_id, null, { id, ...banLog(before) }, { id, ...banLog(after) });
        return after;
      }
      return before;
    });
  }

  // ---------------------------------------------------------------- the filtered queue, bulk

  async queue(filter: DeskFilter, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const asc = oldestFirst(filter.state);
    const where = `(@thread IS NULL OR c.thread_id = @thread)
      AND (@q IS NULL OR vi_fold(c.name || ' ' || c.body) LIKE @q ESCAPE '\\')`;
    const params = { thread: filter.thread ?? null, q: filter.q ? searchPattern(filter.q) : null };
    const rows = this.d
      .s(
        `SELECT c.*, a.title AS article_title, a.url AS article_url, p.name AS parent_name, p.body AS parent_body
         FROM comments c LEFT JOIN articles a ON a.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
         WHERE ${QUEUE_STATE_SQL[filter.state]} AND ${where} AND (@after IS NULL OR c.seq ${asc ? '>' : '<'} @after)
         ORDER BY c.seq ${asc ? 'ASC' : 'DESC'} LIMIT @limit`,
      )
      .all({ ...params, after: after ?? null, limit: limit + 1 }) as DeskDbRow[];
    const counts = {} as Record<QueueState, number>;
    for (const [state, sql] of Object.entries(QUEUE_STATE_SQL) as [QueueState, string][]) {
      counts[state] = (
        this.d.s(`SELECT COUNT(*) AS n FROM comments c WHERE ${sql} AND ${where}`).get(params) as { n: number }
      ).n;
    }
    return { ...paginate(rows, limit, toDeskItem, (r) => r.seq), counts };
  }

  async bulk(ids: string[], action: 'approve' | 'reject', actor: string): Promise<BulkResult[]> {
    const now = this.d.now();
    return this.d.tx(() =>
      ids.map((id): BulkResult => {
        const before = this.d.s('SELECT * FROM comments WHERE id = ?').get(id) as CommentDbRow | undefined;
        if (!before) return { id, ok: false, error: 'not_found' };
        const change = moderationChange(before, action, {});
        // An editor's decision: a rule's silent rejection is over.
        this.d.s('UPDATE comments SET status = ?, silent = 0, updated_at = ? WHERE id = ?').run(change.status, now, id);
        this.moderation.write(
          actor,
          action,
          id,
          before.thread_id,
          pick(before),
          pick({ ...before, status: change.status }),
        );
        return { id, ok: true, status: change.status as Status };
      }),
    );
  }
}
