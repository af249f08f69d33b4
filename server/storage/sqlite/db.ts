/** The SQLite connection shared by the SQLite storage modules: cached statements, transactions, the clock. */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS } from './schema.ts';

export interface SqliteOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  /** `FULL` also survives power loss (an fsync per commit); `NORMAL` survives a crash of the process. */
  synchronous?: 'NORMAL' | 'FULL';
  now?: () => number;
}

export class SqliteDb {
  readonly db: Database.Database;
  readonly now: () => number;
  private statements = new Map<string, Database.Statement>();

  constructor(opts: SqliteOptions) {
    if (opts.file !== ':memory:') {
      mkdirSync(dirname(opts.file), { recursive: true });
      ownerOnly(opts.file);
    }
    this.db = new Database(opts.file);
    this.now = opts.now ?? Date.now;
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives a crash of this process (kill -9);
    // only an OS crash / power loss can lose the last commits. FULL covers those too.
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  /** A prepared statement, cached by its SQL text. */
  s(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  /** Runs `fn` in one (immediate) transaction. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  get migrationsApplied(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    for (let v = this.migrationsApplied; v < MIGRATIONS.length; v++) {
      this.tx(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      });
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * The database holds e-mail addresses and the daily salt: readable by its owner only (0600), as
 * the moderator token is. The file is created 0600 before SQLite opens it (SQLite gives its -wal
 * and -shm files the database's mode); files of older versions are narrowed to 0600.
 */
function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    const st = existsSync(f) ? statSync(f) : undefined;
    if (!st?.isFile() || (st.mode & 0o077) === 0) continue;
    try {
      chmodSync(f, 0o600);
    } catch {
      // Another user's file: leave its mode to them (SQLite reports it if it cannot be used).
    }
  }
}
