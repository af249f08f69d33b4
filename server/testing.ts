/**
 * An app for tests in other processes (the browser tests' middleware): the real routes and
 * storage on an in-memory SQLite database, migrated and empty, with a fixed moderator token.
 * View beacons are written as they come in batches each `viewFlushMs`, as in the server; feeds
 * (`overrides.feeds`) are polled as the server polls them.
 * `addTestEditor` makes a desk account on such an app the way `npm run editor -- add` does.
 */
import { createApp } from './app.ts';
import { FeedPoller } from './feeds-poller.ts';
import { configFromEnv, type Config } from './config.ts';
import { SqliteStorage } from './storage/sqlite/index.ts';
import { ViewBuffer } from './views-buffer.ts';

export const TEST_MODERATOR_TOKEN = 'test-moderator-token';

export async function createTestApp(
  overrides: Partial<Config> = {},
): Promise<{ app: ReturnType<typeof createApp>; storage: SqliteStorage; close(): Promise<void> }> {
  const config: Config = { ...configFromEnv({}), moderatorToken: TEST_MODERATOR_TOKEN, ...overrides };
  const storage = new SqliteStorage({ file: ':memory:', now: config.now });
  const views = new ViewBuffer(storage.views, { intervalMs: config.viewFlushMs, dedupeMs: config.viewDedupeMs });
  const app = createApp({ config, storage, views, log: () => {} });
  const feeds = new FeedPoller(storage, {
    feeds: config.feeds,
    intervalMs: config.feedIntervalMs,
    timeoutMs: config.feedTimeoutMs,
    maxBytes: config.feedMaxBytes,
    now: config.now,
  });
  feeds.start();
  return {
    app,
    storage,
    async close() {
      await feeds.stop();
      await views.close();
      await storage.close();
    },
  };
}

/** An editor account on a test app's storage, made by the same code as `npm run editor -- add`; answers its secret. */
export { addEditor as addTestEditor } from './editor-accounts.ts';
