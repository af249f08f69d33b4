/**
 * The kit's one gate for markup from outside. Everything else is rendered as text; markup that
 * must stay markup (an editor's formatted comment, a publisher's `<template>`) passes through
 * DOMPurify here, with an allow-list per use. Links and images keep only http(s) URLs.
 *
 * Results are DOM fragments, so no string ever reaches an HTML sink; DOMPurify parses through
 * its own `dompurify` Trusted Types policy. Widgets import this module dynamically, so its
 * 12 KB are loaded only on pages that need it.
 */
import DOMPurify, { type Config } from 'dompurify';
import { COMMENT_HTML_ATTRIBUTES, COMMENT_HTML_TAGS } from './contract.js';
import { defuseInlineHandlers } from './trusted-types.js';
import { safeHttpUrl } from './url.js';

export type SanitizeProfile = 'comment' | 'template';

const PROFILES: Record<SanitizeProfile, Config> = {
  /** An editor's formatted comment body. */
  comment: {
    ALLOWED_TAGS: [...COMMENT_HTML_TAGS],
    ALLOWED_ATTR: [...COMMENT_HTML_ATTRIBUTES],
  },
  /** A publisher's comment template: layout tags, classes and parts, no links or media. */
  template: {
    ALLOWED_TAGS: [
      'div',
      'span',
      'p',
      'strong',
      'b',
      'em',
      'i',
      'small',
      'time',
      'header',
      'footer',
      'article',
      'section',
      'br',
      'hr',
      'ul',
      'ol',
      'li',
      'blockquote',
      'cite',
    ],
    ALLOWED_ATTR: ['class', 'part', 'data-slot', 'data-part'],
  },
};

const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'srcset', 'background']);

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (URL_ATTRIBUTES.has(data.attrName) && !safeHttpUrl(data.attrValue)) {
      data.keepAttr = false;
    }
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('rel', 'nofollow ugc noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
  });
}

/** Sanitizes markup into an inert fragment owned by the current document. */
export function sanitizeToFragment(html: string, profile: SanitizeProfile): DocumentFragment {
  installHooks();
  const fragment = DOMPurify.sanitize(defuseInlineHandlers(String(html ?? '')), {
    ...PROFILES[profile],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
    // The `target` set by the hook above must survive the final pass.
    ADD_ATTR: ['target', 'rel'],
  }) as DocumentFragment | null;
  // DOMPurify answers null when the markup has no body at all (a `<frameset>` document).
  return fragment ?? document.createDocumentFragment();
}

/** Sanitizes markup and serializes it, for storage or tests. */
export function sanitizeToString(html: string, profile: SanitizeProfile): string {
  const container = document.createElement('div');
  container.append(sanitizeToFragment(html, profile));
  // Reading innerHTML is not a Trusted Types sink; only writing is.
  return container.innerHTML;
}
