/**
 * The embedded default: one SQLite file (WAL, foreign keys on), for one server process.
 * better-sqlite3 is synchronous; the methods are async only to share the `Storage` interface.
 */
import type { Storage } from '../../domain.ts';
import { MemoryRateLimits } from '../../limits/memory.ts';
import { SqliteArticles } from './articles.ts';
import { SqliteComments } from './comments.ts';
import { SqliteDb, type SqliteOptions } from './db.ts';
import { SqliteMeta } from './meta.ts';
import { SqliteDesk } from './desk.ts';
import { SqliteModeration } from './moderation.ts';
import { MIGRATIONS } from './schema.ts';
import { SqliteViews } from './views.ts';

export class SqliteStorage implements Storage {
  readonly dialect = 'sqlite' as const;
  readonly db: SqliteDb;
  readonly articles: SqliteArticles;
  readonly comments: SqliteComments;
  readonly moderation: SqliteModeration;
  readonly desk: SqliteDesk;
  readonly views: SqliteViews;
  readonly meta: SqliteMeta;
  readonly rateLimits: MemoryRateLimits;

  constructor(opts: SqliteOptions) {
    this.db = new SqliteDb(opts);
    this.articles = new SqliteArticles(this.db);
    this.comments = new SqliteComments(this.db);
    this.moderation = new SqliteModeration(this.db, this.comments);
    this.desk = new SqliteDesk(this.db);
    this.meta = new SqliteMeta(this.db);
    this.views = new SqliteViews(this.db, this.meta);
    this.rateLimits = new MemoryRateLimits(this.db.now);
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
