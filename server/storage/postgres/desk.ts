/** PostgreSQL: the desk's rules, bans, filtered queue and bulk actions, each change logged. */
import type { BulkResult, ModerationRuleInput, QueueState } from '../../../src/core/contract.ts';
import type { DeskFilter, DeskStore, Status } from '../../domain.ts';
import { DAY, decodeCursor, isNum, moderationChange, paginate, pick, type CommentDbRow } from '../common.ts';
import {
  FOLD_TRANSLATE,
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
import type { PgDb, Sql } from './db.ts';
import type { PgModeration } from './moderation.ts';

/** Folded name + body, as `foldVietnamese` folds (see FOLD_TRANSLATE), whitespace collapsed. */
const FOLDED_TEXT = `regexp_replace(lower(translate(c.name || ' ' || c.body, '${FOLD_TRANSLATE.from}', '${FOLD_TRANSLATE.to}')), '\\s+', ' ', 'g')`;

export class PgDesk implements DeskStore {
  constructor(
    private readonly d: PgDb,
    /** Writes the log lines (one writer for every desk action). */
    private readonly moderation: PgModeration,
  ) {}

  // ---------------------------------------------------------------- rules

  private async rule(id: number, sql: Sql = this.d.pool, lock = false) {
    const r = await this.d.one<RuleDbRow>(
      `SELECT * FROM moderation_rules WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
      sql,
    );
    return r && toRule(r);
  }

  async rules(limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const rows = await this.d.rows<RuleDbRow>(
      'SELECT * FROM moderation_rules WHERE ($1::bigint IS NULL OR id > $1) ORDER BY id LIMIT $2',
      [after ?? null, limit + 1],
    );
    return paginate(rows, limit, toRule, (r) => Number(r.id));
  }

  async activeRules() {
    return (await this.d.rows<RuleDbRow>('SELECT * FROM moderation_rules WHERE enabled = 1 ORDER BY id')).map(toRule);
  }

  async saveRule(id: number | null, input: ModerationRuleInput, actor: string) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const before = id === null ? undefined : await this.rule(id, sql, true);
      if (id !== null && !before) return undefined;
      const values = [input.kind, input.action, input.enabled ? 1 : 0, JSON.stringify(input.config), now];
      const row =
        id === null
          ? await this.d.one<RuleDbRow>(
              `INSERT INTO moderation_rules (kind, action, enabled, config, created_at, updated_at)
               VALUES ($1, $2, $3, $4, $5, $5) RETURNING *`,
              values,
              sql,
            )
          : await this.d.one<RuleDbRow>(
              `UPDATE moderation_rules SET kind = $1, action = $2, enabled = $3, config = $4, updated_at = $5
               WHERE id = $6 RETURNING *`,
              [...values, id],
              sql,
            );
      const after = toRule(row!);
      await this.moderation.write(
        sql,
        actor,
        id === null ? 'rule.create' : 'rule.update',
        null,
        null,
        ruleLog(before),
        {
          id: after.id,
          ...ruleLog(after),
        },
      );
      return after;
    });
  }

  async deleteRule(id: number, actor: string) {
    return this.d.tx(async (sql) => {
      const before = await this.rule(id, sql, true);
      if (!before) return false;
      await sql.query('DELETE FROM moderation_rules WHERE id = $1', [id]);
      await this.moderation.write(sql, actor, 'rule.delete', null, null, { id, ...ruleLog(before) }, null);
      return true;
    });
  }

  async otherThreadsWithText(bodyHash: string, thread: string, since: number) {
    return (await this.d.one<{ n: number }>(
      'SELECT COUNT(DISTINCT thread_id) AS n FROM comments WHERE body_hash = $1 AND created_at >= $2 AND thread_id <> $3',
      [bodyHash, since, thread],
    ))!.n;
  }

  // ---------------------------------------------------------------- bans

  async activeBan(authorHash: string, email: string | undefined) {
    const now = this.d.now();
    const r = await this.d.one<BanDbRow>(
      `SELECT * FROM bans WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $1)
       AND (author_hash = $2 OR ($3::text IS NOT NULL AND email = $3)) ORDER BY id LIMIT 1`,
      [now, authorHash, email?.toLowerCase() ?? null],
    );
    return r && toBan(r, now);
  }

  async ban(input: { commentId: string; days: number | null; email: boolean; reason?: string }, actor: string) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const c = await this.d.one<CommentDbRow & { author_hash: string | null }>(
        'SELECT * FROM comments WHERE id = $1',
        [input.commentId],
        sql,
      );
      if (!c) return undefined;
      const email = input.email && c.email ? c.email.toLowerCase() : null;
      if (!c.author_hash && !email) return 'no_author' as const;
      const row = (await this.d.one<BanDbRow>(
        `INSERT INTO bans (author_hash, email, comment_id, name, reason, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          c.author_hash,
          email,
          c.id,
          c.name,
          input.reason || null,
          actor,
          now,
          input.days === null ? null : now + input.days * DAY,
        ],
        sql,
      ))!;
      const ban = toBan(row, now);
      await this.moderation.write(sql, actor, 'ban', c.id, c.thread_id, null, { id: ban.id, ...banLog(ban) });
      return ban;
    });
  }

  async bans(active: boolean, limit: number, cursor?: string) {
    const now = this.d.now();
    const before = decodeCursor(cursor, isNum);
    const rows = await this.d.rows<BanDbRow>(
      `SELECT * FROM bans WHERE ($1::bigint IS NULL OR id < $1)
       AND (NOT $2 OR (lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $3)))
       ORDER BY id DESC LIMIT $4`,
      [before ?? null, active, now, limit + 1],
    );
    return paginate(
      rows,
      limit,
      (r) => toBan(r, now),
      (r) => Number(r.id),
    );
  }

  async liftBan(id: number, actor: string) {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const r = await this.d.one<BanDbRow>('SELECT * FROM bans WHERE id = $1 FOR UPDATE', [id], sql);
      if (!r) return undefined;
      const before = toBan(r, now);
      if (!banActive(r, now)) return before;
      const row = (await this.d.one<BanDbRow>(
        'UPDATE bans SET lifted_at = $1, lifted_by = $2 WHERE id = $3 RETURNING *',
        [now, actor, id],
        sql,
      ))!;
      const after = toBan(row, now);
      await this.moderation.write(
        sql,
        actor,
        'unban',
        r.comment_id,
        null,
        { id, ...banLog(before) },
        { id, ...banLog(after) },
      );
      return after;
    });
  }

  // ---------------------------------------------------------------- the filtered queue, bulk

  async queue(filter: DeskFilter, limit: number, cursor?: string) {
    const after = decodeCursor(cursor, isNum);
    const asc = oldestFirst(filter.state);
    const where = `($1::text IS NULL OR c.thread_id = $1) AND ($2::text IS NULL OR ${FOLDED_TEXT} LIKE $2)`;
    const params = [filter.thread ?? null, filter.q ? searchPattern(filter.q) : null];
    const [rows, countRow] = await Promise.all([
      this.d.rows<DeskDbRow>(
        `SELECT c.*, a.title AS article_title, a.url AS article_url, p.name AS parent_name, p.body AS parent_body
         FROM comments c LEFT JOIN articles a ON a.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id
         WHERE ${QUEUE_STATE_SQL[filter.state]} AND ${where} AND ($3::bigint IS NULL OR c.seq ${asc ? '>' : '<'} $3)
         ORDER BY c.seq ${asc ? 'ASC' : 'DESC'} LIMIT $4`,
        [...params, after ?? null, limit + 1],
      ),
      this.d.one<Record<QueueState, number>>(
        `SELECT ${Object.entries(QUEUE_STATE_SQL)
          .map(([state, sql]) => `COUNT(*) FILTER (WHERE ${sql}) AS "${state}"`)
          .join(', ')}
         FROM comments c WHERE ${where}`,
        params,
      ),
    ]);
    const counts = {} as Record<QueueState, number>;
    for (const state of Object.keys(QUEUE_STATE_SQL) as QueueState[]) counts[state] = Number(countRow?.[state] ?? 0);
    return { ...paginate(rows, limit, toDeskItem, (r) => r.seq), counts };
  }

  async bulk(ids: string[], action: 'approve' | 'reject', actor: string): Promise<BulkResult[]> {
    const now = this.d.now();
    return this.d.tx(async (sql) => {
      const rows = await this.d.rows<CommentDbRow>(
        'SELECT * FROM comments WHERE id = ANY($1) ORDER BY seq FOR UPDATE',
        [ids],
        sql,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const out: BulkResult[] = [];
      for (const id of ids) {
        const before = byId.get(id);
        if (!before) {
          out.push({ id, ok: false, error: 'not_found' });
          continue;
        }
        const change = moderationChange(before, action, {});
        // An editor's decision: a rule's silent rejection is over.
        await sql.query('UPDATE comments SET status = $1, silent = 0, updated_at = $2 WHERE id = $3', [
          change.status,
          now,
          id,
        ]);
        await this.moderation.write(
          sql,
          actor,
          action,
          id,
          before.thread_id,
          pick(before),
          pick({ ...before, status: change.status }),
        );
        out.push({ id, ok: true, status: change.status as Status });
      }
      return out;
    });
  }
}
