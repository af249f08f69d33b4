import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { canonicalUrl, pageTitle } from '../core/api.js';
import { LIMITS, type ViewBeacon } from '../core/contract.js';
import type { NewsItem } from '../core/feeds.js';
import type { Localized } from '../core/locale.js';
import { mostRead as enMostRead } from '../translations/en/most-read.js';
import type { MostReadStrings } from '../translations/types.js';
import { mostRead as viMostRead } from '../translations/vi/most-read.js';
import { NewsList } from '../core/news-list.js';
import { styles } from './news-most-read.styles.js';

export type MostReadMessages = MostReadStrings;

const LOCALIZED: Localized<'mostRead'> = { section: 'mostRead', vi: viMostRead, en: enMostRead };

const enc = encodeURIComponent;

/**
 * "Đọc nhiều": a ranked `<ol>` of the most read articles. The feed's order is the rank;
 * `views`, when present, is shown but never reorders. Two columns (`layout="columns"`) are
 * filled column-first, so the DOM order stays the rank order.
 *
 * Sources, first match wins: the `items` property; `src` (`{window}` in it is replaced by the
 * window, otherwise `?window=` is added); `{api}/most-read?window=…&limit=…[&section=…]` when an
 * API base is set; the `<a href>` links inside the element (a `data-views` attribute on a link
 * gives its views).
 *
 * Layouts (`layout`, CSS only): `list` (default), `columns` (two columns when there is room,
 * filled column-first) and `compact` (one line per title).
 *
 * `windows="day,week,month"` (also `hour`) shows ARIA tabs (arrow keys, Home/End, roving
 * tabindex); without it the window is `window` (default `day`).
 *
 * **View beacon (`track`).** With `track`, the element counts one view of the current article:
 * once the page has been visible for `trackDelay` ms (5 s; hidden time does not count), it
 * calls `navigator.sendBeacon('{api}/views', body)` where body is the JSON text
 * `{"url": "<canonical URL>", "articleId": "<article-id attribute>", "title": "<og:title or
 * document.title>"}` (`articleId` and `title` only when set; the server names an article it
 * creates from the beacon with the title), sent as `text/plain` so no CORS preflight is needed. It is sent at most once per article
 * per browser session (a `sessionStorage` key `news-widgets:view:<id or URL>`), and never
 * without an API base. The beacon does not wait for the list to load.
 *
 * @customElement news-most-read
 * @summary The most read articles, ranked, with optional time-window tabs.
 *
 * @fires news-error - `{widget, reason, status?}` when nothing can be shown (reason `http`,
 *   `timeout`, `network`, `parse`, `shape`, `empty` or `stale`). The element then keeps its
 *   light-DOM links, or hides itself. Nothing is ever thrown to the page.
 *
 *
 * @slot - Fallback `<a href>` links (shown without JavaScript and when loading fails).
 *
 * @csspart base - The `<section>` region.
 * @csspart heading - The heading.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart panel - The tab panel.
 * @csspart list - The `<ol>`.
 * @csspart item - Each `<li>` (also `skeleton` while loading).
 * @csspart rank - The visible rank number.
 * @csspart link - Each article link.
 * @csspart meta - The views line (absent for an item without views).
 * @csspart empty - The message in a tab whose list failed to load (the box stays, with its tabs).
 *
 * @cssprop --news-rank-size - Size of the rank numbers.
 * @cssprop --news-column-width - Minimum column width in layout `columns`.
 */
export class NewsMostRead extends NewsList<'mostRead'> {
  static override styles = [...NewsList.styles, styles];

  protected readonly widget = 'news-most-read';
  protected readonly localized = LOCALIZED;
  protected override ordered = true;

  /** How many items to show (1–100). Default 10 (a ranked list is longer than related news). */
  override limit = 10;
  /** Comma-separated time windows shown as tabs, e.g. `day,week,month`. */
  @property() windows = '';
  /** The selected window. */
  @property() window = 'day';
  /** Section filter for the API URL. */
  @property() section?: string;
  /** Count a view of the current article (see the beacon above). */
  @property({ type: Boolean }) track = false;
  /** Sent as `articleId` in the beacon. */
  @property({ attribute: 'article-id' }) articleId?: string;
  /** Visible milliseconds before the view counts. */
  @property({ type: Number, attribute: 'track-delay' }) trackDelay = 5000;

  /** Visible milliseconds counted before the page was last hidden. */
  private visibleTime = 0;
  /** When the page last became visible while tracking (0: not counting now). */
  private visibleSince = 0;
  private viewSent = false;
  private viewTimer?: ReturnType<typeof setTimeout>;

  private get wins(): string[] {
    const list = this.windows.split(/[\s,]+/).filter((w) => /^[\w-]+$/.test(w));
    return list.length ? [...new Set(list)] : [this.window || 'day'];
  }

  private get current(): string {
    const wins = this.wins;
    return wins.includes(this.window) ? this.window : wins[0];
  }

  private get tabbed(): boolean {
    return this.wins.length > 1 && !this.items;
  }

  protected sourceUrl(api: string | null): string | null {
    const w = enc(this.current);
    if (this.src) {
      if (this.src.includes('{window}')) return this.src.replace(/\{window\}/g, w);
      const [path, hash] = this.src.split('#');
      return `${path}${path.includes('?') ? '&' : '?'}window=${w}${hash === undefined ? '' : `#${hash}`}`;
    }
    return api
      ? `${api}/most-read?window=${w}&limit=${this.rows}${this.section ? `&section=${enc(this.section)}` : ''}`
      : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.onVisibility();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('track')) this.onVisibility();
  }

  /** Runs the visible-time clock: it runs only while the page is visible and `track` is on. */
  private onVisibility = (): void => {
    clearTimeout(this.viewTimer);
    if (this.visibleSince) this.visibleTime += Date.now() - this.visibleSince;
    this.visibleSince = 0;
    if (this.track && !this.viewSent && this.isConnected && document.visibilityState === 'visible') {
      this.visibleSince = Date.now();
      this.viewTimer = setTimeout(this.sendView, Math.max(0, this.trackDelay - this.visibleTime));
    }
  };

  private sendView = (): void => {
    this.viewSent = true;
    this.visibleSince = 0;
    try {
      const api = this.apiBase;
      const url = canonicalUrl();
      const key = `news-widgets:view:${this.articleId || url}`;
      let store: Storage | null = null;
      try {
        store = sessionStorage;
      } catch {
        // Storage blocked: send once for this page instead.
      }
      if (!api || store?.getItem(key)) return;
      // `articleId` and `title` are left out of the JSON when unset.
      const beacon: ViewBeacon = {
        url,
        articleId: this.articleId || undefined,
        title: pageTitle().slice(0, LIMITS.articleTitle) || undefined,
      };
      if (navigator.sendBeacon(`${api}/views`, JSON.stringify(beacon))) store?.setItem(key, '1');
    } catch {
      // A view that cannot be counted must never break the page.
    }
  };

  private select(win: string, focus = false): void {
    this.window = win;
    if (focus)
      this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
  }

  private onKey = (event: KeyboardEvent): void => {
    const wins = this.wins;
    const i = wins.indexOf(this.current);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: wins.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(wins[(next + wins.length) % wins.length], true);
  };

  protected override renderControls(): unknown {
    if (!this.tabbed) return nothing;
    const m = this.strings as unknown as Record<string, string | undefined>;
    const current = this.current;
    return html`<div role="tablist" part="tabs" aria-labelledby="h" @keydown=${this.onKey}>
      ${this.wins.map(
        (w) =>
          html`<button
            role="tab"
            part="tab"
            type="button"
            id="t-${w}"
            aria-selected=${w === current}
            aria-controls="p"
            tabindex=${w === current ? 0 : -1}
            @click=${() => this.select(w)}
          >
            ${m[w] ?? w}
          </button>`,
      )}
    </div>`;
  }

  protected override renderPanel(list: unknown): unknown {
    return this.tabbed
      ? html`<div role="tabpanel" part="panel" id="p" aria-labelledby="t-${this.current}">${list}</div>`
      : list;
  }

  /** After a tab switch, a failed window keeps the tabs (and the focus) instead of hiding the box. */
  protected override keepOnFailure(): boolean {
    return this.tabbed && this.loadedOnce;
  }

  protected override renderFailure(): unknown {
    return html`<p part="empty">${this.strings.empty}</p>`;
  }

  /** The views line; the skeleton keeps its place, an item without views has none. */
  protected override renderMeta(item: NewsItem | null): unknown {
    if (!item) return html`<span part="meta"></span>`;
    return item.views === undefined ? nothing : html`<span part="meta">${this.formatViews(item.views)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-most-read': NewsMostRead;
  }
}
