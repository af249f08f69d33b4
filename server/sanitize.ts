/**
 * Strict allow-list sanitizer for an editor's formatted comment (`bodyHtml`).
 *
 * The input is tokenized; only exact tags from the allow-list survive and are
 * re-serialized by us (never copied), everything else is emitted as escaped text.
 * Allowed: the contract's COMMENT_HTML_TAGS (p, br, b, strong, i, em, blockquote, a[href] with an
 * http(s) URL); links get rel="nofollow ugc noopener". Unclosed tags are closed, stray closers dropped.
 * The output therefore contains no attribute or tag that we did not write.
 */

import { COMMENT_HTML_TAGS } from '../src/core/contract.ts';

/** The contract's allow-list, shared with the widgets. */
const ALLOWED = new Set<string>(COMMENT_HTML_TAGS);
const VOID = new Set(['br']);
/** Content of these elements is dropped entirely, not shown as text. */
const DROP_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'xmp',
  'noembed',
  'noframes',
  'title',
  'textarea',
  'svg',
  'math',
  'select',
  'plaintext',
]);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});?/gi, (m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[ent.toLowerCase()];
    return v ?? m;
  });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Returns the URL if it is an absolute http(s) URL, else null. */
export function safeHref(raw: string): string | null {
  // Remove control characters and whitespace browsers ignore in URLs.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!/^https?:\/\//i.test(cleaned)) return null;
  try {
    const u = new URL(cleaned);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href;
  } catch {
    return null;
  }
}

const TAG_RE =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function sanitizeHtml(input: string): string {
  let out = '';
  const stack: string[] = [];
  let i = 0;
  let text = '';
  const flushText = () => {
    if (text) out += escapeHtml(decodeEntities(text));
    text = '';
  };
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      text += input.slice(i);
      break;
    }
    text += input.slice(i, lt);
    // Comments, doctype, CDATA, processing instructions: drop them.
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      i = end === -1 ? input.length : end + 3;
      continue;
    }
    if (input[lt + 1] === '!' || input[lt + 1] === '?') {
      const end = input.indexOf('>', lt);
      i = end === -1 ? input.length : end + 1;
      continue;
    }
    TAG_RE.lastIndex = lt;
    const m = TAG_RE.exec(input);
    if (!m) {
      // A lone "<" is text.
      text += '<';
      i = lt + 1;
      continue;
    }
    i = TAG_RE.lastIndex;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (!closing && DROP_CONTENT.has(name)) {
      const closeRe = new RegExp(`</${name}\\s*>`, 'ig');
      closeRe.lastIndex = i;
      const cm = closeRe.exec(input);
      i = cm ? closeRe.lastIndex : input.length;
      continue;
    }
    if (!ALLOWED.has(name)) continue; // unknown tag: dropped, its text content stays
    flushText();
    if (closing) {
      const idx = stack.lastIndexOf(name);
      if (idx === -1) continue;
      while (stack.length > idx) out += `</${stack.pop()}>`;
      continue;
    }
    if (VOID.has(name)) {
      out += '<br>';
      continue;
    }
    if (name === 'a') {
      let href: string | null = null;
      ATTR_RE.lastIndex = 0;
      let am: RegExpExecArray | null;
      const attrs = m[3] ?? '';
      while ((am = ATTR_RE.exec(attrs))) {
        if (am[1]!.toLowerCase() === 'href') href = safeHref(am[2] ?? am[3] ?? am[4] ?? '');
      }
      // No nested links.
      if (stack.includes('a')) continue;
      out += href ? `<a href="${escapeHtml(href)}" rel="nofollow ugc noopener">` : '<a>';
    } else {
      out += `<${name}>`;
    }
    stack.push(name);
  }
  flushText();
  while (stack.length) out += `</${stack.pop()}>`;
  return out;
}

/** Plain text of sanitized HTML (for search/preview). */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br>/g, '\n')
      .replace(/<\/p>/g, '\n')
      .replace(/<[^>]*>/g, ''),
  ).trim();
}
