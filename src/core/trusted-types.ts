/**
 * The kit's single Trusted Types policy, `news-widgets`. It is created once per page, even when
 * several bundles load, and reused. Publishers who enforce Trusted Types allow it with
 *
 *   Content-Security-Policy: require-trusted-types-for 'script';
 *     trusted-types news-widgets lit-html dompurify 'allow-duplicates'
 *
 * The policy is used for one thing only: handing feed text to `DOMParser`, whose documents are
 * inert (no script runs, nothing loads). Markup that reaches the live DOM goes through DOMPurify
 * (`sanitize.ts`), which uses its own `dompurify` policy.
 */
interface PolicyLike {
  createHTML(input: string): unknown;
}

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): PolicyLike;
}

const GLOBAL_KEY = Symbol.for('news-widgets.trusted-types-policy');

type PolicyHolder = { [GLOBAL_KEY]?: PolicyLike | null };

function policy(): PolicyLike | null {
  const holder = globalThis as unknown as PolicyHolder;
  if (holder[GLOBAL_KEY] !== undefined) return holder[GLOBAL_KEY] ?? null;
  const tt = (globalThis as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  let created: PolicyLike | null = null;
  if (tt?.createPolicy) {
    try {
      created = tt.createPolicy('news-widgets', { createHTML: (input) => input });
    } catch {
      // The page's CSP does not list our policy name: parsing falls back to plain strings,
      // which fails only where Trusted Types are enforced, and that failure is caught upstream.
      created = null;
    }
  }
  holder[GLOBAL_KEY] = created;
  return created;
}

export interface DomParserLike {
  parseFromString(source: string, type: DOMParserSupportedType): Document;
}

// Inside a tag: an attribute value (`="…"`, `='…'` or unquoted), or an attribute name followed by `=`.
const ATTRIBUTE_TOKEN = /(=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))|([^\s/>"'=]+)(?=\s*=)/g;

/**
 * Renames `on…=` attributes inside tags before HTML is parsed. Nothing would run either way
 * (the document is inert, and DOMPurify drops them), but Chromium still files a CSP
 * `script-src-attr` violation report for every inline handler it parses, which would flood a
 * publisher's CSP reports. Only attribute names are renamed: values are skipped whole, so a
 * URL such as `/tin/online=1` stays intact. Best effort, not a security boundary.
 */
export const defuseInlineHandlers = (html: string): string =>
  html.replace(/<[^<>]*>/g, (tag) =>
    tag.replace(ATTRIBUTE_TOKEN, (token, value: string | undefined) =>
      value === undefined && /^on[a-z]+$/i.test(token) ? `data-defused-${token}` : token,
    ),
  );

/**
 * Parses markup into a detached, inert document. `DOMParser` is a Trusted Types sink even for
 * XML, so the text goes through the kit's policy first.
 */
export function parseInert(source: string, type: DOMParserSupportedType, parser?: DomParserLike): Document {
  const impl = parser ?? new DOMParser();
  if (type === 'text/html') source = defuseInlineHandlers(source);
  const trusted = parser ? source : (policy()?.createHTML(source) ?? source);
  return impl.parseFromString(trusted as string, type);
}
