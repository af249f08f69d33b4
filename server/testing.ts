/**
 * An app for tests in other processes (the browser tests' middleware): the real routes and
 * storage on an in-memory SQLite database, migrated and empty, with a fixed moderator token.
 */
import { createApp } from './app.ts';
import { configFromEnv, type Config } from './config.ts';
import { Store } from './db.ts';

export const TEST_MODERATOR_TOKEN = 'test-moderator-token';

export async function createTestApp(
  overrides: Partial<Config> = {},
): Promise<{ app: ReturnType<typeof createApp>; close(): Promise<void> }> {
  const config: Config = { ...configFromEnv({}), moderatorToken: TEST_MODERATOR_TOKEN, ...overrides };
  const store = new Store({ file: ':memory:', now: config.now });
  const app = createApp({ config, store, log: () => {} });
  return { app, close: async () => store.close() };
}
