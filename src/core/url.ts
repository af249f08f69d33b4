/**
 * Returns an absolute http(s) URL, or `null` for anything else: `javascript:`, `data:`,
 * `vbscript:` and every case, whitespace or entity trick around them. The WHATWG URL parser
 * strips tabs and newlines and lower-cases the scheme, so checking its result is the only
 * check we need.
 */
export function safeHttpUrl(raw: unknown, base?: string | URL): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (!value || value.length > 4096) return null;
  let url: URL;
  try {
    url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  return /^https?:$/.test(url.protocol) && url.hostname ? url.href : null;
}

/**
 * A URL the page loads by itself (an image): an absolute http(s) URL as `safeHttpUrl` gives it,
 * a scheme-relative `//host/…` one (it names its host), or a relative one only when it resolves
 * on the origin of `base` (the feed or API it came from). The URL parser reads
 * `/\evil.example/x.png` or `\\evil.example/x.png` as another host: such paths, which look like
 * paths on the site, would make the reader's browser call a host nobody named.
 */
export function safeImageUrl(raw: unknown, base?: string | URL): string | null {
  const url = safeHttpUrl(raw, base);
  if (!url || !base) return url;
  const value = (raw as string).trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(value) || /^\/\/[^/\\]/.test(value)) return url;
  return new URL(url).origin === new URL(base).origin ? url : null;
}

/**
 * A URL reduced for comparison: no hash, no tracking parameters, no trailing slash, so that
 * `?utm_source=x` or `#comments` variants of the same article count as one.
 */
export function comparableUrl(raw: string, base?: string | URL): string | null {
  const safe = safeHttpUrl(raw, base);
  if (!safe) return null;
  const url = new URL(safe);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_|wt_|fbclid$|gclid$|zarsrc$)/i.test(key)) url.searchParams.delete(key);
  }
  url.protocol = 'https:';
  url.hostname = url.hostname.replace(/^www\./, '');
  return url.href.replace(/\/$/, '');
}
