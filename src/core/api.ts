import { safeHttpUrl } from './url.js';

const attr = (selector: string, name: string): string | null | undefined =>
  document.querySelector(selector)?.getAttribute(name);

/**
 * The API base for an element: its `api` property or attribute, else
 * `<meta name="news-widgets:api" content="…">`, resolved against the page. Returns `null` when
 * neither is set or the value is not an http(s) URL. No trailing slash.
 */
export function apiBase(element: Element & { api?: string }): string | null {
  const raw = element.api || element.getAttribute('api') || attr('meta[name="news-widgets:api"]', 'content');
  return raw ? (safeHttpUrl(raw, document.baseURI)?.replace(/\/+$/, '') ?? null) : null;
}

/** The page's canonical URL: `<link rel=canonical>`, then `og:url`, then the location without its hash. */
export function canonicalUrl(): string {
  for (const candidate of [attr('link[rel="canonical"]', 'href'), attr('meta[property="og:url"]', 'content')]) {
    const url = candidate && safeHttpUrl(candidate, document.baseURI);
    if (url) return url;
  }
  return location.href.split('#')[0];
}

/** The page's title: `og:title`, then `document.title`. */
export function pageTitle(): string {
  return attr('meta[property="og:title"]', 'content')?.trim() || document.title.trim();
}
