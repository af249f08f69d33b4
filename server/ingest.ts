/**
 * `npm run ingest -- [--base <url>] <file-or-url> [more…]`: loads RSS 2.0, Atom or JSON Feed
 * items into the database (DATA_DIR) with the kit's feed parser. Safe while the server runs
 * (SQLite WAL). Relative links in a feed resolve against its URL, or for a file against `--base`;
 * items without an absolute http(s) link are skipped.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { configFromEnv, storageOptions } from './config.ts';
import type { Storage } from './domain.ts';
import { upsertFeedArticles } from './feeds-poller.ts';
import { openStorage } from './storage/index.ts';
import { itemsToArticles, parseFeedBytes } from './seed.ts';

export async function ingest(
  sources: string[],
  storage: Storage,
  log: (s: string) => void = console.log,
  opts: { base?: string } = {},
): Promise<number> {
  let total = 0;
  for (const src of sources) {
    let bytes: Uint8Array;
    let contentType: string | null = null;
    let url: string | undefined;
    if (/^https?:\/\//i.test(src)) {
      const res = await fetch(src, {
        headers: {
          accept:
            'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.5',
        },
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`${src}: HTTP ${res.status}`);
      bytes = new Uint8Array(await res.arrayBuffer());
      contentType = res.headers.get('content-type');
      url = res.url || src;
    } else {
      bytes = await readFile(src);
      url = opts.base;
    }
    const items = parseFeedBytes(bytes, { url, contentType });
    const articles = itemsToArticles(items);
    const ids = await upsertFeedArticles(storage, articles);
    log(`${src}: ${ids.length} article(s) upserted`);
    total += ids.length;
  }
  return total;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  let base: string | undefined;
  const bi = args.indexOf('--base');
  if (bi !== -1) {
    base = args[bi + 1];
    args.splice(bi, 2);
  }
  const sources = args;
  if (!sources.length || (bi !== -1 && !base)) {
    console.error('Usage: npm run ingest -- [--base <url for relative links>] <feed file or URL> [more…]');
    process.exit(2);
  }
  const cfg = configFromEnv();
  const storage = await openStorage(storageOptions(cfg));
  try {
    await ingest(sources, storage, console.log, { base });
  } catch (e) {
    console.error(`ingest failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  } finally {
    await storage.close();
  }
}
