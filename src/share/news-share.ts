import { LitElement, html, svg, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canonicalUrl, pageTitle } from '../core/api.js';
import { closeBox, closeButton, closeStyles, isRememberedClosed } from '../core/closable.js';
import { emit } from '../core/events.js';
import { LocaleController, messagesFor, type Catalog } from '../core/locale.js';
import { baseStyles } from '../core/styles.js';
import { safeHttpUrl } from '../core/url.js';
import { shareUrlBuilders, withUtm, type ShareNetwork } from './share-urls.js';
import { styles } from './news-share.styles.js';

export interface NewsShareDetail {
  network: ShareNetwork;
  /** The URL that was shared (with `utm_*` when the `utm` attribute is set). */
  url: string;
}

export type NewsShareMessages = Record<ShareNetwork | 'heading' | 'copied' | 'close' | 'closeName', string>;

const catalog: Catalog<NewsShareMessages> = {
  vi: {
    heading: 'Chia sẻ thông tin với bạn bè!',
    facebook: 'Chia sẻ lên Facebook',
    zalo: 'Chia sẻ qua Zalo',
    x: 'Chia sẻ lên X',
    linkedin: 'Chia sẻ lên LinkedIn',
    telegram: 'Chia sẻ qua Telegram',
    whatsapp: 'Chia sẻ qua WhatsApp',
    email: 'Gửi qua email',
    copy: 'Sao chép liên kết',
    native: 'Chia sẻ…',
    copied: 'Đã sao chép liên kết',
    close: 'Tắt',
    closeName: 'Tắt hộp chia sẻ',
  },
  en: {
    heading: 'Share this with your friends!',
    facebook: 'Share on Facebook',
    zalo: 'Share on Zalo',
    x: 'Share on X',
    linkedin: 'Share on LinkedIn',
    telegram: 'Share on Telegram',
    whatsapp: 'Share on WhatsApp',
    email: 'Send by email',
    copy: 'Copy link',
    native: 'Share…',
    copied: 'Link copied',
    close: 'Close',
    closeName: 'Close share box',
  },
};

/** Default order per language: Zalo first for Vietnamese readers. */
const DEFAULT_NETWORKS = { vi: 'zalo,facebook,x,telegram,email,copy,native', en: 'facebook,x,linkedin,whatsapp,email,copy,native' };

// One path per network (24×24, stroked with currentColor). Drawn for size, not brand-exact.
const ICONS: Record<ShareNetwork, string> = {
  facebook: 'M15 3h-2a4 4 0 0 0-4 4v14M6 10h9',
  zalo: 'M4 5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4zM9 7h6l-6 6h6',
  x: 'M4 4h4l12 16h-4zM4 20l6.5-7M20 4l-6.5 7',
  linkedin: 'M5 10v10M5 5v.1M10 20V10m0 4a4 4 0 0 1 8 0v6',
  telegram: 'M21 3 3 11l7 2 2 7zM10 13l11-10',
  whatsapp: 'M3 21l1.5-5A9 9 0 1 1 8 19.5zM9 9c0 3 3 6 6 6',
  email: 'M3 5h18v14H3zm0 0 9 8 9-8',
  copy: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1m2 4a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  native: 'M12 3v12M8 7l4-4 4 4M5 11v9h14v-9',
};

const icon = (network: ShareNetwork) =>
  svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d=${ICONS[network]}/></svg>`;

const canNativeShare = () => typeof navigator !== 'undefined' && typeof navigator.share === 'function';

/**
 * Share buttons: real links to each network's share page, a copy button and the native share
 * sheet. Nothing is requested from any network before the reader clicks.
 *
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
 * @cssprop --news-share-color - icon and label colour (default: the link colour).
 * @cssprop --news-share-radius - button corner radius (default: round).
 */
export class NewsShare extends LitElement {
  static override styles = [baseStyles, closeStyles, styles];

  private locale = new LocaleController(this);

  @state() private copied = false;

  /** The URL to share (http/https only). Default: the canonical URL, then `location`. */
  @property() url?: string;

  /** The text to share. Default: `og:title`, then `document.title`. */
  @property() override title = '';

  /** Comma-separated networks, in display order. Default depends on the language (Zalo first in Vietnamese). */
  @property() networks?: string;

  /** Adds `utm_source={network}&utm_medium=social` to the shared URL. */
  @property({ type: Boolean }) utm = false;

  /** Heading text. Default: "Chia sẻ thông tin với bạn bè!" / "Share this with your friends!". Empty: no visible heading. */
  @property() heading?: string;

  /** Heading level (`aria-level`), 1–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** `icons` (default: icons only, names for assistive tech) or `labels` (text next to icons). */
  @property({ reflect: true }) variant: 'icons' | 'labels' = 'icons';

  /** Shows the "Tắt [X]" button. */
  @property({ type: Boolean }) closable = false;

  /** Overrides for any string. */
  @property({ attribute: false }) messages?: Partial<NewsShareMessages>;

  /** How long "Đã sao chép liên kết" stays, in ms. */
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

  /** The URL being shared for a network: safe, with utm when asked. */
  private shareUrl(network: string): string {
    const url = safeHttpUrl(this.url, document.baseURI) ?? canonicalUrl();
    return this.utm ? withUtm(url, network) : url;
  }

  private async copy(url: string): Promise<void> {
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      // No Clipboard API (old browser, insecure page, permission): select a hidden input and copy.
      const focused = this.renderRoot instanceof ShadowRoot ? (this.renderRoot.activeElement as HTMLElement | null) : null;
      const input = document.createElement('input');
      input.className = 'visually-hidden';
      input.value = url;
      this.renderRoot.appendChild(input);
      input.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      input.remove();
      focused?.focus();
    }
    if (!ok) return;
    this.copied = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.copied = false), this.copiedDuration);
  }

  private async native(url: string): Promise<void> {
    const data = { url, title: this.title || pageTitle() };
    try {
      if (canNativeShare() && navigator.canShare?.(data) !== false) return await navigator.share(data);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return; // The reader closed the sheet.
    }
    await this.copy(url);
  }

  private onClick(network: ShareNetwork): void {
    const url = this.shareUrl(network);
    emit<NewsShareDetail>(this, 'news-share', { network, url });
    if (network === 'copy') void this.copy(url);
    else if (network === 'native') void this.native(url);
  }

  private list(): ShareNetwork[] {
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    const raw = (this.networks ?? DEFAULT_NETWORKS[this.locale.language]).toLowerCase().split(/[\s,]+/);
    const native = canNativeShare();
    // Unsupported native share becomes the copy button; on phones the share sheet (with Zalo) goes first.
    const names = raw.map((name) => (name === 'native' && !native ? 'copy' : name));
    if (native && coarse && names.includes('native')) names.unshift('native');
    return [...new Set(names)].filter((name): name is ShareNetwork => name in ICONS);
  }

  protected override render() {
    const m = messagesFor(catalog, this.locale.language, this.messages);
    const heading = this.heading ?? m.heading;
    const title = this.title || pageTitle();
    const level = Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
    return html`<section part="base" aria-labelledby=${heading ? 'h' : nothing} aria-label=${heading ? nothing : m.heading}>
      <div class="top">
        ${heading ? html`<div id="h" part="heading" role="heading" aria-level=${level}>${heading}</div>` : nothing}
        ${this.closable ? closeButton(() => closeBox(this, { widget: 'news-share' }), m.close, m.closeName) : nothing}
      </div>
      <div class="top">
        <ul part="list" role="list">
          ${this.list().map((network) => {
            const body = html`${icon(network)}<span part="label" class=${this.variant === 'labels' ? '' : 'visually-hidden'}>${m[network]}</span>`;
            const build = shareUrlBuilders[network];
            return html`<li>
              ${build
                ? html`<a part="button ${network}" href=${build(this.shareUrl(network), title)} target="_blank" rel="noopener noreferrer" title=${m[network]} @click=${() => this.onClick(network)}>${body}</a>`
                : html`<button type="button" part="button ${network}" title=${m[network]} @click=${() => this.onClick(network)}>${body}</button>`}
            </li>`;
          })}
        </ul>
        <span part="status" role="status">${this.copied ? m.copied : ''}</span>
      </div>
    </section>`;
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
