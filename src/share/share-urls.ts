/**
 * One pure function per share network: `(url, title) → share URL`. `url` must already be a safe
 * absolute http(s) URL in its serialized (ASCII) form, as `safeHttpUrl` / `URL.href` return it;
 * `title` is plain text. Every
 * value is encoded with `encodeURIComponent`, so spaces are `%20` (never `+`) and newlines `%0A`.
 */

import type { ShareNetwork } from '../translations/types.js';

/** Every network `<news-share networks="…">` understands. */
export type { ShareNetwork };

const enc = encodeURIComponent;

/**
 * Zalo documents no plain share URL: its only documented sharer is the SDK "Social Plugin — Share"
 * (developers.zalo.me/docs/social-plugin/share, `<div class="zalo-share-button" data-href=…>` plus
 * the script https://sp.zalo.me/plugins/sdk.js, which renders an iframe
 * `https://sp.zalo.me/plugins/share?…&href=…`). Loading that script would contact Zalo on every
 * page view, so instead we link to the share dialog that plugin opens,
 * `https://sp.zalo.me/share_inline?d=<base64 of JSON {"url": …}>`, the format publishers use for
 * plain Zalo links. It is undocumented and may change: this is the ONLY place it lives (`z` below).
 * On phones the native share sheet (which lists the Zalo app) is promoted instead.
 *
 * One template per network (`u` = the URL, `t` = the title, `z` = Zalo's base64 JSON), so the
 * share entry carries a single builder; `copy` and `native` have none (they are buttons).
 */
const TEMPLATES: Partial<Record<ShareNetwork, string>> = {
  facebook: 'https://www.facebook.com/sharer/sharer.php?u={u}',
  zalo: 'https://sp.zalo.me/share_inline?d={z}',
  x: 'https://x.com/intent/post?url={u}&text={t}',
  linkedin: 'https://www.linkedin.com/sharing/share-offsite/?url={u}',
  telegram: 'https://t.me/share/url?url={u}&text={t}',
  whatsapp: 'https://wa.me/?text={t}%20{u}',
  email: 'mailto:?subject={t}&body={t}%0A{u}',
};

/** The share page URL of `network` for `url` and `title`, or `undefined` for `copy` and `native`. */
export const shareUrl = (network: ShareNetwork, url: string, title = ''): string | undefined =>
  TEMPLATES[network]?.replace(/\{(.)\}/g, (_, key: string) =>
    enc(key == 'u' ? url : key == 't' ? title : btoa(JSON.stringify({ url }))),
  );

export const facebookShareUrl = (url: string): string => shareUrl('facebook', url)!;
export const zaloShareUrl = (url: string): string => shareUrl('zalo', url)!;
export const xShareUrl = (url: string, title?: string): string => shareUrl('x', url, title)!;
export const linkedinShareUrl = (url: string): string => shareUrl('linkedin', url)!;
export const telegramShareUrl = (url: string, title?: string): string => shareUrl('telegram', url, title)!;
export const whatsappShareUrl = (url: string, title?: string): string => shareUrl('whatsapp', url, title)!;
export const emailShareUrl = (url: string, title?: string): string => shareUrl('email', url, title)!;

/**
 * Adds `utm_source={network}&utm_medium=social` to the URL being shared, keeping its hash and
 * its other parameters byte for byte (no re-encoding of `%20` into `+`). Existing `utm_source`
 * and `utm_medium` values are replaced.
 */
export function withUtm(url: string, network: string): string {
  const u = new URL(url);
  const rest = u.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !/^utm_(source|medium)=/.test(pair));
  u.search = [...rest, `utm_source=${enc(network)}`, 'utm_medium=social'].join('&');
  return u.href;
}
