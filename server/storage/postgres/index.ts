/**
 * PostgreSQL (DATABASE_URL=postgres://…): any number of server processes on one database. Migrations
 * run at start under an advisory lock; each process has a connection pool (PG_POOL_SIZE); rate
 * limits, idempotency keys, view dedupe and cache invalidation live in the database, so every
 * process gives the same answers.
 */
import type { Storage } from '../../domain.ts';
import { PgArticles } from './articles.ts';
import { PgChanges } from './changes.ts';
import { PgIntegration } from './integration.ts';
import { PgComments } from './comments.ts';
import { PgDb, type PgOptions } from './db.ts';
import { PgImports } from './imports.ts';
import { PgEditors } from './editors.ts';
import { PgLiveEvents } from './live-events.ts';
import { PgLikes } from './likes.ts';
import { PgMeta } from './meta.ts';
import { PgDesk } from './desk.ts';
import { PgModeration } from './moderation.ts';
import { PgRateLimits } from './rate-limits.ts';
import { PgReports } from './reports.ts';
import { MIGRATIONS, appliedMigrations, migrate } from './schema.ts';
import { PgStats } from './stats.ts';
import { PgViews } from './views.ts';

export class PostgresStorage implements Storage {
  readonly dialect = 'postgres' as const;
  readonly articles: PgArticles;
  readonly comments: PgComments;
  readonly moderation: PgModeration;
  readonly desk: PgDesk;
  readonly views: PgViews;
  readonly likes: PgLikes;
  readonly reports: PgReports;
  readonly meta: PgMeta;
  readonly imports: PgImports;
  readonly stats: PgStats;
  readonly editors: PgEditors;
  readonly integration: PgIntegration;
  readonly rateLimits: PgRateLimits;
  readonly events: PgLiveEvents;
  readonly changes: PgChanges | undefined;

  private constructor(
    readonly db: PgDb,
    opts: { changeFeed?: boolean },
  ) {
    this.articles = new PgArticles(db);
    this.comments = new PgComments(db);
    this.moderation = new PgModeration(db);
    this.desk = new PgDesk(db, this.moderation);
    this.views = new PgViews(db);
    this.likes = new PgLikes(db);
    this.reports = new PgReports(db, this.moderation);
    this.meta = new PgMeta(db);
    this.imports = new PgImports(db);
    this.stats = new PgStats(db);
    this.rateLimits = new PgRateLimits(db);
    this.editors = new PgEditors(db);
    this.events = new PgLiveEvents(db);
    this.integration = new PgIntegration(db);
    this.changes = opts.changeFeed === false ? undefined : new PgChanges(db);
  }

  /** Connects and migrates. `changeFeed: false` skips LISTEN/NOTIFY (one process, tests). */
  static async open(opts: PgOptions & { changeFeed?: boolean }): Promise<PostgresStorage> {
    const db = new PgDb(opts);
    try {
      await migrate(db);
    } catch (e) {
      await db.close();
      throw e;
    }
    return new PostgresStorage(db, opts);
  }

  async health() {
    const applied = await appliedMigrations(this.db.pool);
    return {
      ok: applied === MIGRATIONS.length,
      dialect: this.dialect,
      migrations: { applied, latest: MIGRATIONS.length },
    };
  }

  async close() {
    await this.changes?.close();
    await this.db.close();
  }
}
