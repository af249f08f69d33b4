/**
 * Dates in, Intl out. Feeds carry every date format there is (RFC 822 with `+0700`, `GMT+7`,
 * ISO 8601, Portuguese month names); `parseDate` makes one `Date` of them or gives up with
 * `null`, never an Invalid Date.
 */

const MONTHS: Record<string, string> = {
  // Portuguese and Spanish abbreviations that differ from English.
  fev: 'Feb',
  abr: 'Apr',
  mai: 'May',
  ago: 'Aug',
  set: 'Sep',
  out: 'Oct',
  dez: 'Dec',
  ene: 'Jan',
  dic: 'Dec',
};

export function parseDate(raw: unknown): Date | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Date(raw) : null;
  if (typeof raw !== 'string') return null;
  let value = raw.replace(/\s+/g, ' ').trim();
  if (!value) return null;
  const direct = Date.parse(value);
  if (!Number.isNaN(direct) && /^\d{4}-\d\d-\d\d/.test(value)) return new Date(direct);
  // `GMT+7`, `GMT+07:00`, `+07` → `+0700`.
  value = value.replace(
    /(?:GMT|UTC)?\s*([+-])(\d{1,2}):?(\d{2})?$/i,
    (_m, sign: string, hours: string, minutes?: string) => ` ${sign}${hours.padStart(2, '0')}${minutes ?? '00'}`,
  );
  // Drop a leading weekday in any language, then translate month names.
  value = value.replace(/^[^\d\s,]{2,12},\s*/, '');
  value = value.replace(/\b([A-Za-z]{3})[a-z]*\b/g, (word, abbr: string) => MONTHS[abbr.toLowerCase()] ?? word);
  const parsed = Date.parse(value);
  if (!Number.isNaN(parsed)) return new Date(parsed);
  return Number.isNaN(direct) ? null : new Date(direct);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Intl formatters are costly to make and a long comment thread formats hundreds of times.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const cached = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
};

/**
 * "5 phút trước" / "5 minutes ago" for the last week, then an absolute date, as newsrooms do.
 */
export function formatRelativeTime(date: Date, localeTag: string, now: number = Date.now()): string {
  const diff = date.getTime() - now;
  const abs = Math.abs(diff);
  if (abs >= 7 * DAY) return formatDateTime(date, localeTag);
  const rtf = cached(relativeFormats, localeTag, () => new Intl.RelativeTimeFormat(localeTag, { numeric: 'auto' }));
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

/** "14:05 29/11/2026" in Vietnamese, "Nov 29, 2026, 2:05 PM" in English. */
export function formatDateTime(
  date: Date,
  localeTag: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const key = `${localeTag} ${JSON.stringify(options)}`;
  return cached(dateFormats, key, () => new Intl.DateTimeFormat(localeTag, options)).format(date);
}

/** ISO string of a parsed date, or `undefined`. */
export function toIsoDate(raw: unknown): string | undefined {
  return parseDate(raw)?.toISOString();
}
