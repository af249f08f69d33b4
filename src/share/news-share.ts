import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canonicalUrl, pageTitle } from '../core/api.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import type { Localized } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { share as enShare } from '../translations/en/share.js';
import type { ShareStrings } from '../translations/types.js';
import { share as viShare } from '../translations/vi/share.js';
import { baseStyles } from '../core/styles.js';
import { safeHttpUrl } from '../core/url.js';
import { shareUrl, withUtm, type ShareNetwork } from './share-urls.js';
import { styles } from './news-share.styles.js';

export interface NewsShareDetail {
  network: ShareNetwork;
  /** The URL that was shared (with `utm_*` when the `utm` attribute is set). */
  url: string;
}

export type NewsShareMessages = ShareStrings;

const LOCALIZED: Localized<'share'> = { section: 'share', vi: viShare, en: enShare };

/** Default order per language: Zalo first for Vietnamese readers. */
export const DEFAULT_NETWORKS = {
  vi: 'zalo,facebook,x,telegram,email,copy,native',
  en: 'facebook,x,linkedin,whatsapp,email,copy,native',
};

// One stroked path per network on a 24×24 grid: drawn for size, not brand-exact.
const ICONS: Record<ShareNetwork, string> = {
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14M6 10h9',
  // Zalo's mark: a rounded speech bubble with its tail at the lower left…
  zalo: 'M7 3h10a5 5 0 0 1 5 5v5a5 5 0 0 1-5 5H9l-4.5 3.5.5-4.2A5 5 0 0 1 2 13V8a5 5 0 0 1 5-5z',
  x: 'M4 4h4l12 16h-4zM4 20l6.5-7M20 4l-6.5 7',
  linkedin: 'M5 10v10M5 5v.1M10 20V10m0 4a4 4 0 0 1 8 0v6',
  telegram: 'M21 3 3 11l7 2 2 7zM10 13l11-10',
  whatsapp: 'M3 21l1.5-5A9 9 0 1 1 8 19.5zM9 9c0 3 3 6 6 6',
  email: 'M3 5h18v14H3zm0 0 9 8 9-8',
  copy: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1m2 4a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  native: 'M12 3v12M8 7l4-4 4 4M5 11v9h14v-9',
};

/** Details drawn with a finer stroke than the outline. */
const FINE_DETAILS: Partial<Record<ShareNetwork, string>> = {
  // …with the word "Zalo" inside it.
  zalo: 'M4.6 7.5H8l-3.4 6H8M12.35 10v3.5m0-1.75a1.75 1.75 0 1 1-3.5 0 1.75 1.75 0 1 1 3.5 0M14 7.5v6m5.25-1.75a1.75 1.75 0 1 1-3.5 0 1.75 1.75 0 1 1 3.5 0',
};

const canNativeShare = () => typeof navigator.share == 'function';

/**
 * Share buttons: real links to each network's share page, a copy button and the native share
 * sheet. Nothing is requested from any network before the reader clicks. Where
 * `navigator.share` is missing the `native` button becomes the copy button; on touch screens
 * (`pointer: coarse`) with native share, the native button comes first (Zalo is in that sheet).
 *
 * @customElement news-share
 * @summary "Chia sẻ thông tin với bạn bè!" — share the article.
 * @fires news-share - `{network, url}` on every share click (links, copy, native).
 * @fires news-close - cancelable `{widget}` when the reader presses "Tắt" (`closable`).
 * @csspart base - the labelled region.
 * @csspart heading - the heading.
 * @csspart list - the list of buttons.
 * @csspart button - every link and button; each also has its network as a part (`facebook`, `zalo`, …).
 * @csspart label - the text next to each icon (visually hidden unless `variant="labels"`).
 * @csspart status - the "link copied" live region.
 * @csspart close - the "Tắt [X]" button.
 * @attr remember-close - With `closable`: once the reader closes the box, it stays closed for the
 *   browser session (`sessionStorage`). A value names the box (`remember-close="promo-2026"`), so
 *   two boxes of one tag are remembered apart; empty: the tag name.
 * @cssprop --news-share-color - icon and label colour (default: the link colour).
 * @cssprop --news-share-radius - button corner radius (default: round).
 */
export class NewsShare extends NewsElement<'share'> {
  static override styles = [baseStyles, closeStyles, styles];

  protected readonly localized = LOCALIZED;

  @state() private copied = false;
  /** The URL to share (http/https only). Default: the canonical URL, then `location`. */
  @property() url?: string;
  /** The text to share. Default: `og:title`, then `document.title`. */
  @property() override title = '';
  /** Comma-separated networks, in display order. Default depends on the language (Zalo first in Vietnamese). */
  @property() networks?: string;
  /** Adds `utm_source={network}&utm_medium=social` to the shared URL. Off by default. */
  @property({ type: Boolean }) utm = false;
  /** Heading text (also the region's name). Default: "Chia sẻ thông tin với bạn bè!" / "Share this with your friends!". */
  @property() heading?: string;
  /** Heading level (`aria-level`), 1–6. Default 2. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** `icons` (default: icon only; the name is visually hidden text) or `labels` (text next to icons). */
  @property({ reflect: true }) variant: 'icons' | 'labels' = 'icons';
  /** Shows the "Tắt [X]" button. */
  @property({ type: Boolean }) closable = false;
  /** How long "Đã sao chép liên kết" stays, in ms. Default 3000. */
  @property({ type: Number, attribute: 'copied-duration' }) copiedDuration = 3000;

  private timer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    if (isRememberedClosed(this)) this.hidden = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.copied = false;
  }

  /** The URL being shared through `network`: a safe http(s) URL, with utm when asked. */
  private shareUrl(network: string): string {
    const url = safeHttpUrl(this.url, document.baseURI) ?? canonicalUrl();
    return this.utm ? withUtm(url, network) : url;
  }

  private share(network: ShareNetwork): void {
    const url = this.shareUrl(network);
    this.emit('news-share', { network, url });
    // Called inside the click, so clipboard and share keep the click's user activation.
    if (network == 'copy') void this.copy(url);
    else if (network == 'native') void this.shareNatively(url);
  }

  /** Copies `url` and shows "Đã sao chép liên kết" in the status region for `copied-duration` ms. */
  private async copy(url: string): Promise<void> {
    let copied = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      copied = this.copyBySelection(url);
    }
    if (!copied) return;
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), this.copiedDuration);
  }

  /** Without the Clipboard API (old browser, http page, permission): select a hidden input and copy. */
  private copyBySelection(url: string): boolean {
    const root = this.renderRoot as ShadowRoot;
    const focused = root.activeElement as HTMLElement | null;
    const input = document.createElement('input');
    input.className = 'visually-hidden';
    input.value = url;
    root.append(input);
    input.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    input.remove();
    focused?.focus();
    return copied;
  }

  /** Opens the native share sheet; copies instead where it is unsupported or refuses the data. */
  private async shareNatively(url: string): Promise<void> {
    const data = { url, title: this.title || pageTitle() };
    try {
      if (canNativeShare() && navigator.canShare?.(data) !== false) return await navigator.share(data);
    } catch (error) {
      if ((error as Error)?.name == 'AbortError') return; // The reader closed the share sheet.
    }
    await this.copy(url);
  }

  /** The "Tắt" button: cancelable `news-close`, focus moved out, hidden, remembered when asked. */
  private close(): void {
    closeBox(this, { widget: 'news-share' });
  }

  /** The networks to show, in order, with unknown names dropped. */
  private list(): ShareNetwork[] {
    const native = canNativeShare();
    const names = (this.networks ?? DEFAULT_NETWORKS[this.locale.language === 'vi' ? 'vi' : 'en'])
      .toLowerCase()
      .split(/[\s,]+/)
      .map((name) => (name == 'native' && !native ? 'copy' : name));
    if (native && names.includes('native') && matchMedia('(pointer: coarse)').matches) names.unshift('native');
    return [...new Set(names)].filter((name): name is ShareNetwork => name in ICONS);
  }

  protected override render() {
    const m = this.strings;
    const title = this.title || pageTitle();
    const cls = this.variant == 'labels' ? '' : 'visually-hidden';
    // The icon's stroke, fill and size are in the styles. role="list" is deliberate: Safari drops
    // the list semantics of a <ul> styled with list-style: none.
    /* eslint-disable lit-a11y/no-redundant-role */
    return html`<section part="base" aria-labelledby="h">
      <div class="top">
        ${this.renderHeading(this.heading || m.heading, this.headingLevel)}
        ${this.closable ? closeButton(() => this.close(), m.close, m.closeName) : nothing}
      </div>
      <ul part="list" role="list">
        ${this.list().map((network) => {
          const href = shareUrl(network, this.shareUrl(network), title);
          const fine = FINE_DETAILS[network];
          const body = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d=${ICONS[network]}></path>
              ${fine ? svg`<path class="fine" d=${fine}></path>` : nothing}
            </svg>
            <span part="label" class=${cls}>${m[network]}</span>`;
          const share = () => this.share(network);
          return html`<li>
            ${
              href
                ? html`<a
                    part="button ${network}"
                    href=${href}
                    target="_blank"
                    rel="noopener noreferrer"
                    @click=${share}
                    >${body}</a
                  >`
                : html`<button type="button" part="button ${network}" @click=${share}>${body}</button>`
            }
          </li>`;
        })}
      </ul>
      <span part="status" role="status">${this.copied ? m.copied : ''}</span>
    </section>`;
    /* eslint-enable lit-a11y/no-redundant-role */
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-share': NewsShare;
  }
  interface GlobalEventHandlersEventMap {
    'news-share': CustomEvent<NewsShareDetail>;
  }
}
