import { safeHttpUrl } from './url.js';

/**
 * The API base for an element: its `api` attribute, else
 * `<meta name="news-widgets:api" content="…">`, resolved against the page. Returns `null` when
 * neither is set or the value is not an http(s) URL. No trailing slash.
 */
export function apiBase(element: Element): string | null {
  const raw = element.getAttribute('api') ?? document.querySelector('meta[name="news-widgets:api"]')?.getAttribute('content');
  if (!raw) return null;
  const url = safeHttpUrl(raw, document.baseURI);
  return url ? url.replace(/\/+$/, '') : null;
}

/** The page's canonical URL: `<link rel=canonical>`, then `og:url`, then the location without its hash. */
export function canonicalUrl(): string {
  const candidates = [
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const url = candidate ? safeHttpUrl(candidate, document.baseURI) : null;
    if (url) return url;
  }
  const here = new URL(location.href);
  here.hash = '';
  return here.href;
}

/** The page's title: `og:title`, then `document.title`. */
export function pageTitle(): string {
  return document.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || document.title.trim();
}
