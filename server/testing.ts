/**
 * An app for tests, in-process: in-memory SQLite (migrated, not seeded), a test config with the
 * moderator token `test-moderator-token`. Used by the browser tests' API middleware.
 */
import type { Hono } from 'hono';
import { createApp } from './app.ts';
import { configFromEnv, type Config } from './config.ts';
import { SqliteStorage } from './storage/sqlite/index.ts';
import { ViewBuffer } from './views-buffer.ts';

export const TEST_MODERATOR_TOKEN = 'test-moderator-token';

export async function createTestApp(overrides: Partial<Config> = {}): Promise<{ app: Hono; close(): Promise<void> }> {
  const config: Config = { ...configFromEnv({}), moderatorToken: TEST_MODERATOR_TOKEN, ...overrides };
  const storage = new SqliteStorage({ file: ':memory:', now: config.now });
  const views = new ViewBuffer(storage.views, { intervalMs: config.viewFlushMs, dedupeMs: config.viewDedupeMs });
  const app = createApp({ config, storage, views, log: () => {} }) as unknown as Hono;
  return {
    app,
    async close() {
      await views.close();
      await storage.close();
    },
  };
}
