/**
 * The embedded default: one SQLite file (WAL, foreign keys on), for one server process.
 * better-sqlite3 is synchronous; the methods are async only to share the `Storage` interface.
 */
import type { Storage } from '../../domain.ts';
import { MemoryRateLimits } from '../../limits/memory.ts';
import { SqliteArticles } from './articles.ts';
import { SqliteIntegration } from './integration.ts';
import { SqliteComments } from './comments.ts';
import { SqliteDb, type SqliteOptions } from './db.ts';
import { SqliteImports } from './imports.ts';
import { SqliteEditors } from './editors.ts';
import { SqliteLiveEvents } from './live-events.ts';
import { SqliteLikes } from './likes.ts';
import { SqliteMeta } from './meta.ts';
import { SqliteDesk } from './desk.ts';
import { SqliteModeration } from './moderation.ts';
import { SqliteReports } from './reports.ts';
import { MIGRATIONS } from './schema.ts';
import { SqliteStats } from './stats.ts';
import { SqliteViews } from './views.ts';

export class SqliteStorage implements Storage {
  readonly dialect = 'sqlite' as const;
  readonly db: SqliteDb;
  readonly articles: SqliteArticles;
  readonly comments: SqliteComments;
  readonly moderation: SqliteModeration;
  readonly desk: SqliteDesk;
  readonly views: SqliteViews;
  readonly likes: SqliteLikes;
  readonly reports: SqliteReports;
  readonly meta: SqliteMeta;
  readonly imports: SqliteImports;
  readonly stats: SqliteStats;
  readonly editors: SqliteEditors;
  readonly integration: SqliteIntegration;
  readonly rateLimits: MemoryRateLimits;
  readonly events: SqliteLiveEvents;

  constructor(opts: SqliteOptions) {
    this.db = new SqliteDb(opts);
    this.articles = new SqliteArticles(this.db);
    this.comments = new SqliteComments(this.db);
    this.moderation = new SqliteModeration(this.db, this.comments);
    this.desk = new SqliteDesk(this.db, this.moderation);
    this.meta = new SqliteMeta(this.db);
    this.imports = new SqliteImports(this.db);
    this.stats = new SqliteStats(this.db);
    this.views = new SqliteViews(this.db, this.meta);
    this.likes = new SqliteLikes(this.db);
    this.reports = new SqliteReports(this.db, this.moderation);
    this.rateLimits = new MemoryRateLimits(this.db.now);
    this.editors = new SqliteEditors(this.db);
    this.events = new SqliteLiveEvents(this.db);
    this.integration = new SqliteIntegration(this.db);
  }

  async health() {
    this.db.s('SELECT 1').get();
    const applied = this.db.migrationsApplied;
    return {
      ok: applied === MIGRATIONS.length,
      dialect: this.dialect,
      migrations: { applied, latest: MIGRATIONS.length },
    };
  }

  async close() {
    this.db.close();
  }
}
