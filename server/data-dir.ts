/**
 * A DATA_DIR the server cannot use (not writable, not a directory, full, read-only database) is a
 * configuration problem: one clear line on stderr and exit code 78 (EX_CONFIG from sysexits.h),
 * never a stack trace. Under systemd, `RestartPreventExitStatus=78` then stops the restart loop.
 */
export const EX_CONFIG = 78;

/** Why these errors mean DATA_DIR is unusable, by Node's and SQLite's error codes. */
const REASONS: [RegExp, string][] = [
  [/^(EACCES|EPERM)$/, 'permission denied'],
  [/^EROFS$/, 'the file system is read-only'],
  [/^ENOTDIR$/, 'a part of the path is a file, not a directory'],
  [/^EISDIR$/, 'a directory stands where a file should be'],
  [/^(ENOSPC|EDQUOT)$/, 'the disk is full'],
  [/^SQLITE_FULL$/, 'the disk is full'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened or created'],
  [/^SQLITE_READONLY/, 'the database file is read-only'],
  [/^SQLITE_(PERM|AUTH)$/, 'permission denied'],
  [/^SQLITE_IOERR/, 'the database file cannot be written (I/O error)'],
];

/** The one line to print when `error` means DATA_DIR is unusable; undefined for other errors. */
export function dataDirFailure(error: unknown, dataDir: string): string | undefined {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return undefined;
  const reason = REASONS.find(([re]) => re.test(code))?.[1];
  if (!reason) return undefined;
  const where = typeof path === 'string' && path !== dataDir ? ` (${path})` : '';
  return `news-widgets: DATA_DIR ${dataDir} is not usable: ${reason}${where} [${code}]. Point DATA_DIR at a writable directory with free space.`;
}
