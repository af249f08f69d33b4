/**
 * `npm run import -- [--dry-run] [--max-mb N] <file>`: imports the comments of a Disqus export
 * (XML) or a WordPress export (WXR) into the database: the SQLite file in DATA_DIR, or PostgreSQL
 * with DATABASE_URL, as the server opens them. Safe to run twice (the second run changes nothing)
 * and while the server runs. The logic is in `import/index.ts`.
 */
import { stat, readFile } from 'node:fs/promises';
import { configFromEnv, storageOptions } from './config.ts';
import { formatReport, importExport, IMPORT_MAX_BYTES } from './import/index.ts';
import { openStorage } from './storage/index.ts';

const USAGE =
  'Usage: npm run import -- [--dry-run] [--max-mb <size cap, default 64>] <Disqus or WordPress export .xml>';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dryRun = args.includes('--dry-run');
const capAt = args.indexOf('--max-mb');
const maxBytes = capAt === -1 ? IMPORT_MAX_BYTES : Number(args[capAt + 1]) * 1024 * 1024;
const files = args.filter((a, i) => !a.startsWith('--') && (capAt === -1 || i !== capAt + 1));
if (files.length !== 1 || !(maxBytes > 0)) {
  console.error(USAGE);
  process.exit(2);
}
const file = files[0]!;

try {
  const size = (await stat(file)).size;
  if (size > maxBytes)
    throw new Error(
      `${file} is ${(size / 1048576).toFixed(1)} MB, above the ${(maxBytes / 1048576).toFixed(0)} MB cap (the file is read whole into memory; raise it with --max-mb if the machine has the memory).`,
    );
  const xml = await readFile(file, 'utf8');
  const storage = await openStorage(storageOptions(configFromEnv()));
  try {
    const report = await importExport(storage, xml, { dryRun });
    for (const line of formatReport(report)) console.log(line);
  } finally {
    await storage.close();
  }
} catch (e) {
  console.error(`import failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
