/**
 * Imports a Disqus export or a WordPress export (WXR) into the server's comments, as
 * `npm run import -- <file>` does (see `../import.ts`), on either database.
 *
 * - Threads: a file's thread becomes the thread of the server's article with the same URL (or a
 *   URL spelt slightly differently: fragment, query, trailing slash), else of the article whose id
 *   is the publisher's id in the file. The server's thread id is the article id, as for comments
 *   posted through the widget. Comments of a thread with no such article are skipped (`no_article`):
 *   ingest the articles, then run the import again.
 * - States: approved stays approved, held stays pending. Spam, trash, deleted comments, pingbacks
 *   and trackbacks are never imported (they are counted as skipped, with the reason).
 * - Replies keep their parent; a reply whose parent is missing from the file, skipped, in another
 *   thread or in a loop becomes a top-level comment, counted with the reason.
 * - Bodies: the other system's HTML goes through the server's one sanitizer (`sanitize.ts`) into
 *   `body_html` when it carries formatting, with the plain text in `body`.
 * - Idempotent: each imported comment's source and source id are stored; a comment already
 *   imported is left as it is (an editor may have moderated it since), so a second run writes
 *   nothing.
 */
import type { ImportedComment, Storage } from '../domain.ts';
import { LIMITS } from '../../src/core/contract.ts';
import { urlCandidates } from '../routes/articles.ts';
import { htmlToText, sanitizeHtml } from '../sanitize.ts';
import { newId, DAY } from '../storage/common.ts';
import { parseExport, parseExportDate, type ExportFormat, type SourceComment, type SourceThread } from './parse.ts';

export { parseExport, parseExportDate } from './parse.ts';

/** Files above this size are refused: the export is parsed whole in memory (about 10× its size). */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** The name given to a comment whose author left none. */
export const ANONYMOUS = 'Ẩn danh';

/** Why a comment of the file was not imported. */
export type SkipReason =
  | 'spam'
  | 'trash'
  | 'deleted'
  | 'pingback'
  | 'not_comment'
  | 'no_id'
  | 'duplicate_id'
  | 'no_thread'
  | 'no_article'
  | 'bad_date'
  | 'empty';

/** Why a reply was imported as a top-level comment. */
export type TopLevelReason = 'parent_missing' | 'parent_skipped' | 'parent_other_thread' | 'parent_loop';

export interface ImportReport {
  format: ExportFormat;
  source: string;
  threads: {
    /** Threads in the file that have comments. */
    withComments: number;
    /** Of those, matched to an article of the server. */
    matched: number;
    /** Links of the threads with comments and no matching article. */
    unmatched: string[];
    /** Server threads that received comments in this run. */
    written: number;
  };
  /** Comments written in this run. */
  comments: number;
  /** Of those, replies (with a parent). */
  replies: number;
  approved: number;
  pending: number;
  /** Comments of the file already imported by an earlier run (left unchanged). */
  alreadyImported: number;
  skipped: Partial<Record<SkipReason, number>>;
  madeTopLevel: Partial<Record<TopLevelReason, number>>;
  /** XML problems the parser recovered from. */
  warnings: string[];
  dryRun: boolean;
}

export interface ImportOptions {
  /** Count only, write nothing. */
  dryRun?: boolean;
  /** The moderation log's actor for the import entry. */
  actor?: string;
  now?: number;
}

const count = <K extends string>(o: Partial<Record<K, number>>, k: K) => (o[k] = (o[k] ?? 0) + 1);

/** The plain text and the sanitized HTML (kept only when it formats more than paragraphs) of a body. */
export function importBody(raw: string): { body: string; bodyHtml: string | null } {
  const html = sanitizeHtml(raw.normalize('NFC'));
  const body = htmlToText(html);
  return { body, bodyHtml: /<(?!\/?(?:p|br)>)/.test(html) ? html : null };
}

/** The server thread (article id) of each of the file's threads that has comments. */
async function matchThreads(storage: Storage, threads: SourceThread[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of threads) {
    let article: string | undefined;
    if (/^https?:\/\//i.test(t.link)) {
      const url = await storage.articles.firstKnownUrl(urlCandidates(t.link));
      if (url) article = (await storage.articles.getByUrl(url))?.id;
    }
    if (!article && t.identifier) article = (await storage.articles.get(t.identifier))?.id;
    if (article) out.set(t.key, article);
  }
  return out;
}

export async function importExport(storage: Storage, xml: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const parsed = parseExport(xml);
  const now = opts.now ?? Date.now();
  const report: ImportReport = {
    format: parsed.format,
    source: parsed.source,
    threads: { withComments: 0, matched: 0, unmatched: [], written: 0 },
    comments: 0,
    replies: 0,
    approved: 0,
    pending: 0,
    alreadyImported: 0,
    skipped: {},
    madeTopLevel: {},
    warnings: parsed.warnings,
    dryRun: !!opts.dryRun,
  };

  const usedThreads = [...new Set(parsed.comments.map((c) => c.threadKey))]
    .map((k) => parsed.threads.get(k))
    .filter((t): t is SourceThread => !!t);
  const threadOf = await matchThreads(storage, usedThreads);
  report.threads.withComments = usedThreads.length;
  report.threads.matched = threadOf.size;
  report.threads.unmatched = usedThreads.filter((t) => !threadOf.has(t.key)).map((t) => t.link || t.key);

  // Stage 1: each comment on its own. Survivors are candidates; ids of the skipped are remembered
  // so their replies can say why they became top-level.
  interface Candidate {
    src: SourceComment;
    thread: string;
    createdAt: number;
    body: string;
    bodyHtml: string | null;
    order: number;
  }
  const candidates = new Map<string, Candidate>();
  const skippedIds = new Set<string>();
  const seen = new Set<string>();
  const skip = (c: SourceComment, reason: SkipReason) => {
    count(report.skipped, reason);
    if (c.id) skippedIds.add(c.id);
  };
  parsed.comments.forEach((c, order) => {
    if (!c.id) return void count(report.skipped, 'no_id');
    if (seen.has(c.id)) return void count(report.skipped, 'duplicate_id');
    seen.add(c.id);
    if (c.state !== 'approved' && c.state !== 'pending') return skip(c, c.state);
    if (!parsed.threads.has(c.threadKey)) return skip(c, 'no_thread');
    const thread = threadOf.get(c.threadKey);
    if (!thread) return skip(c, 'no_article');
    const createdAt = parseExportDate(c.date, now + DAY);
    if (createdAt === null) return skip(c, 'bad_date');
    const { body, bodyHtml } = importBody(c.html);
    if (!body) return skip(c, 'empty');
    candidates.set(c.id, { src: c, thread, createdAt, body, bodyHtml, order });
  });

  // Already imported (this file or an earlier one of the same source): left alone, usable as parents.
  const parentIds = parsed.comments.map((c) => c.parentId).filter((p): p is string => !!p);
  const known = await storage.imports.known(parsed.source, [...new Set([...candidates.keys(), ...parentIds])]);

  // Stage 2: parents before their replies, otherwise oldest first (thread pages list by insertion).
  const placed = new Map<string, { id: string; rootId: string | null; thread: string }>(known);
  const out: ImportedComment[] = [];
  const visiting = new Set<string>();
  const place = (c: Candidate): { id: string; rootId: string | null; thread: string } => {
    const done = placed.get(c.src.id);
    if (done) return done;
    visiting.add(c.src.id);
    let parent: { id: string; rootId: string | null; thread: string } | undefined;
    let orphan: TopLevelReason | undefined;
    const pid = c.src.parentId;
    if (pid) {
      const pending = candidates.get(pid);
      if (visiting.has(pid)) orphan = 'parent_loop';
      else if (placed.has(pid)) parent = placed.get(pid);
      else if (pending) parent = place(pending);
      else orphan = skippedIds.has(pid) ? 'parent_skipped' : 'parent_missing';
      if (parent && parent.thread !== c.thread) {
        parent = undefined;
        orphan = 'parent_other_thread';
      }
    }
    visiting.delete(c.src.id);
    // A loop may have placed this comment while its parent was being placed.
    const again = placed.get(c.src.id);
    if (again) return again;
    if (orphan) count(report.madeTopLevel, orphan);
    const row: ImportedComment = {
      sourceId: c.src.id,
      id: newId('c'),
      thread: c.thread,
      parentId: parent?.id ?? null,
      rootId: parent ? (parent.rootId ?? parent.id) : null,
      name: (c.src.name.normalize('NFC').trim() || ANONYMOUS).slice(0, LIMITS.commentName),
      email: /^[^\s@]+@[^\s@]+$/.test(c.src.email) && c.src.email.length <= LIMITS.commentEmail ? c.src.email : null,
      body: c.body,
      bodyHtml: c.bodyHtml,
      status: c.src.state === 'approved' ? 'approved' : 'pending',
      createdAt: c.createdAt,
    };
    out.push(row);
    const at = { id: row.id, rootId: row.rootId, thread: row.thread };
    placed.set(c.src.id, at);
    return at;
  };
  const fresh = [...candidates.values()].filter((c) => !known.has(c.src.id));
  report.alreadyImported = candidates.size - fresh.length;
  fresh.sort((a, b) => a.createdAt - b.createdAt || a.order - b.order).forEach(place);

  report.comments = out.length;
  report.replies = out.filter((c) => c.parentId).length;
  report.approved = out.filter((c) => c.status === 'approved').length;
  report.pending = out.length - report.approved;
  report.threads.written = new Set(out.map((c) => c.thread)).size;
  if (!opts.dryRun && out.length) {
    await storage.imports.write(parsed.source, out, opts.actor ?? `import (${parsed.format})`);
    // Other server processes drop their cached thread pages.
    storage.changes?.publish();
  }
  return report;
}

const REASONS: Record<SkipReason | TopLevelReason, string> = {
  spam: 'spam',
  trash: 'trash',
  deleted: 'deleted',
  pingback: 'pingback/trackback',
  not_comment: 'not a comment',
  no_id: 'no id',
  duplicate_id: 'duplicate id',
  no_thread: 'unknown thread',
  no_article: 'no matching article',
  bad_date: 'bad date',
  empty: 'empty',
  parent_missing: 'parent not in the file',
  parent_skipped: 'parent skipped',
  parent_other_thread: 'parent in another thread',
  parent_loop: 'parent loop',
};

const reasons = (o: Partial<Record<SkipReason | TopLevelReason, number>>) => {
  const list = Object.entries(o) as [SkipReason | TopLevelReason, number][];
  const total = list.reduce((n, [, k]) => n + k, 0);
  return `${total}${list.length ? ' (' + list.map(([k, n]) => `${REASONS[k]}: ${n}`).join(', ') + ')' : ''}`;
};

/** The report as the command prints it. */
export function formatReport(r: ImportReport): string[] {
  const lines = [
    `${r.format === 'disqus' ? 'Disqus' : 'WordPress'} export, source ${r.source}${r.dryRun ? ' (dry run: nothing written)' : ''}`,
    `threads: ${r.threads.withComments} with comments, ${r.threads.matched} matched to articles, ${r.threads.written} received comments`,
    `comments imported: ${r.comments} (replies: ${r.replies}; approved: ${r.approved}, pending: ${r.pending})`,
    `already imported, unchanged: ${r.alreadyImported}`,
    `made top-level: ${reasons(r.madeTopLevel)}`,
    `skipped: ${reasons(r.skipped)}`,
  ];
  if (r.threads.unmatched.length)
    lines.push(
      `threads without a matching article (ingest them, then import again): ${r.threads.unmatched.slice(0, 10).join(', ')}${r.threads.unmatched.length > 10 ? ', …' : ''}`,
    );
  for (const w of r.warnings) lines.push(`XML warning: ${w}`);
  return lines;
}
