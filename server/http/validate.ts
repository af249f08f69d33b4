/** Request validation (valibot): input schemas, and parsing that answers 400 with the field at fault. */
import type { Context } from 'hono';
import * as v from 'valibot';
import { COMMENT_ID_PATTERN, COMMENT_SORTS, ID_PATTERN, LIMITS, PAGE } from '../../src/core/contract.ts';
import { readBody } from './body.ts';
import { fail } from './errors.ts';

// Limits, id patterns and page sizes come from the contract shared with the widgets.
export const THREAD_RE = ID_PATTERN;
export const COMMENT_ID_RE = COMMENT_ID_PATTERN;

/** Validates with a valibot schema; the first issue becomes a 400 with its field. */
export function parse<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
  const r = v.safeParse(schema, input);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') || undefined;
  fail('invalid_input', issue.message, field);
}

export async function readJson(c: Context): Promise<unknown> {
  const text = await readBody(c);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    fail('invalid_json', 'The request body is not valid JSON.');
  }
}

export const cp = (n: number) => (s: string) => [...s].length <= n;
/** Trims, NFC-normalizes and drops control characters other than \n and \t. */
export const cleanText = (s: string) =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();

export const Text = (min: number, max: number, what: string) =>
  v.pipe(
    v.string(`${what} must be a string.`),
    v.transform(cleanText),
    v.minLength(min, `${what} is required.`),
    v.check(cp(max), `${what} must be at most ${max} characters.`),
  );

export const ThreadId = v.pipe(
  v.string(),
  v.regex(THREAD_RE, `A thread id is 1–${LIMITS.id} characters of [A-Za-z0-9._:/-].`),
);
export const ArticleId = v.pipe(
  v.string('id must be a string.'),
  v.regex(THREAD_RE, `An article id is 1–${LIMITS.id} characters of [A-Za-z0-9._:/-].`),
);
export const HttpUrl = v.pipe(
  v.string('url must be a string.'),
  v.maxLength(LIMITS.url),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an absolute http(s) URL.'),
);
/** An article's image: checked and resolved against the article's url by `articleUrls` (routes/articles.ts). */
export const ImageUrl = v.pipe(v.string('image must be a string.'), v.trim(), v.maxLength(LIMITS.url));
export const IsoDate = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((s) => Number.isFinite(Date.parse(s)), 'Must be a date (ISO 8601).'),
);

export const CommentPost = v.object({
  name: Text(1, LIMITS.commentName, 'name'),
  email: v.optional(
    v.pipe(
      v.string('email must be a string.'),
      v.trim(),
      v.maxLength(LIMITS.commentEmail, `email must be at most ${LIMITS.commentEmail} characters.`),
      v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'email is not valid.'),
    ),
  ),
  body: Text(1, LIMITS.commentBody, 'body'),
  parentId: v.optional(v.pipe(v.string(), v.regex(COMMENT_ID_RE, 'parentId is not valid.'))),
  website: v.optional(v.unknown()),
});

export const ArticleIn = v.object({
  id: ArticleId,
  url: HttpUrl,
  title: Text(1, LIMITS.articleTitle, 'title'),
  summary: v.optional(Text(0, LIMITS.articleSummary, 'summary')),
  image: v.optional(ImageUrl),
  publishedAt: v.optional(IsoDate),
  section: v.optional(Text(0, LIMITS.articleSection, 'section')),
  tags: v.optional(
    v.pipe(
      v.array(Text(1, LIMITS.articleTag, 'tag')),
      v.maxLength(LIMITS.articleTags, `At most ${LIMITS.articleTags} tags.`),
    ),
  ),
  pinned: v.optional(
    v.pipe(v.array(ArticleId), v.maxLength(LIMITS.articlePins, `At most ${LIMITS.articlePins} pinned articles.`)),
  ),
});
export const ArticlesIn = v.union(
  [ArticleIn, v.pipe(v.array(ArticleIn), v.minLength(1), v.maxLength(LIMITS.articlesPerPost))],
  'Expected an article object or an array of them.',
);

export const ViewIn = v.object({
  url: v.optional(HttpUrl),
  articleId: v.optional(ArticleId),
  /** The page's title: kept (cut to the article title's limit) for an article created from the beacon. */
  title: v.optional(
    v.pipe(
      v.string('title must be a string.'),
      v.transform((s) => [...cleanText(s).replace(/\s+/g, ' ')].slice(0, LIMITS.articleTitle).join('')),
    ),
  ),
});

export const EditIn = v.optional(
  v.object({
    body: v.optional(Text(1, LIMITS.commentBody, 'body')),
    bodyHtml: v.optional(
      v.nullable(
        v.pipe(
          v.string(),
          v.maxLength(LIMITS.commentBodyHtml, `bodyHtml must be at most ${LIMITS.commentBodyHtml} characters.`),
        ),
      ),
    ),
    /** The status the desk showed: another one now means another editor handled it (409). */
    expectedStatus: v.optional(
      v.picklist(['pending', 'approved', 'rejected'], 'expectedStatus must be pending, approved or rejected.'),
    ),
  }),
);

export const Limit = (def: number, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'limit must be a number.'),
      v.transform(Number),
      v.minValue(1, 'limit must be at least 1.'),
      v.maxValue(max, `limit must be at most ${max}.`),
    ),
    String(def),
  );
export const Cursor = v.optional(v.pipe(v.string(), v.maxLength(200)));

export const ThreadPageQuery = v.object({
  sort: v.optional(v.picklist(COMMENT_SORTS, 'sort must be newest, oldest or popular.'), 'newest'),
  limit: Limit(PAGE.comments.default, PAGE.comments.max),
  cursor: Cursor,
});
export const MostReadQuery = v.object({
  window: v.optional(v.picklist(['hour', 'day', 'week', 'month'], 'window must be hour, day, week or month.'), 'day'),
  section: v.optional(v.pipe(v.string(), v.transform(cleanText), v.maxLength(LIMITS.articleSection))),
  limit: Limit(PAGE.mostRead.default, PAGE.mostRead.max),
});

export const CommentId = v.pipe(v.string(), v.regex(COMMENT_ID_RE, 'Invalid comment id.'));

/** A comma-separated list in a query parameter: trimmed, deduplicated, 1 to `max` items. */
export const csv = (max: number, item: v.GenericSchema<string, string>, name: string) =>
  v.pipe(
    v.string(`${name} is required.`),
    v.transform((s: string) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ]),
    v.minLength(1, `${name} is required.`),
    v.maxLength(max, `At most ${max} ${name}.`),
    v.array(item),
  );
