/**
 * One pure function per share network: `(url, title) → share URL`. `url` must already be a safe
 * absolute http(s) URL in its serialized (ASCII) form, as `safeHttpUrl` / `URL.href` return it;
 * `title` is plain text. Every
 * value is encoded with `encodeURIComponent`, so spaces are `%20` (never `+`) and newlines `%0A`.
 */

/** Every network `<news-share networks="…">` understands. */
export type ShareNetwork = 'facebook' | 'zalo' | 'x' | 'linkedin' | 'telegram' | 'whatsapp' | 'email' | 'copy' | 'native';

const enc = encodeURIComponent;

export const facebookShareUrl = (url: string): string => `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;

/**
 * Zalo documents no plain share URL: its only documented sharer is the SDK "Social Plugin — Share"
 * (developers.zalo.me/docs/social-plugin/share, `<div class="zalo-share-button" data-href=…>` plus
 * the script https://sp.zalo.me/plugins/sdk.js, which renders an iframe
 * `https://sp.zalo.me/plugins/share?…&href=…`). Loading that script would contact Zalo on every
 * page view, so instead we link to the share dialog that plugin opens,
 * `https://sp.zalo.me/share_inline?d=<base64 of JSON {"url": …}>`, the format publishers use for
 * plain Zalo links. It is undocumented and may change: this is the ONLY place it lives. On phones
 * the native share sheet (which lists the Zalo app) is promoted instead.
 */
export const zaloShareUrl = (url: string): string => `https://sp.zalo.me/share_inline?d=${enc(btoa(JSON.stringify({ url })))}`;

export const xShareUrl = (url: string, title = ''): string => `https://x.com/intent/post?url=${enc(url)}&text=${enc(title)}`;

export const linkedinShareUrl = (url: string): string => `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`;

export const telegramShareUrl = (url: string, title = ''): string => `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`;

export const whatsappShareUrl = (url: string, title = ''): string => `https://wa.me/?text=${enc(title)}%20${enc(url)}`;

export const emailShareUrl = (url: string, title = ''): string => `mailto:?subject=${enc(title)}&body=${enc(title)}%0A${enc(url)}`;

/** The builders by network; `copy` and `native` have none (they are buttons). */
export const shareUrlBuilders: Partial<Record<ShareNetwork, (url: string, title?: string) => string>> = {
  facebook: facebookShareUrl,
  zalo: zaloShareUrl,
  x: xShareUrl,
  linkedin: linkedinShareUrl,
  telegram: telegramShareUrl,
  whatsapp: whatsappShareUrl,
  email: emailShareUrl,
};

/**
 * Adds `utm_source={network}&utm_medium=social` to the URL being shared, keeping its hash and
 * its other parameters byte for byte (no re-encoding of `%20` into `+`). Existing `utm_source`
 * and `utm_medium` values are replaced.
 */
export function withUtm(url: string, network: string): string {
  const u = new URL(url);
  const rest = u.search.slice(1).split('&').filter((pair) => pair && !/^utm_(source|medium)=/.test(pair));
  u.search = [...rest, `utm_source=${enc(network)}`, 'utm_medium=social'].join('&');
  return u.href;
}
