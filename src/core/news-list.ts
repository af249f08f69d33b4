/**
 * The base class of the two list widgets, `<news-related>` and `<news-most-read>`: sources,
 * `limit`, `exclude`, canonical exclusion, `stale-after`, lazy loading, the skeleton, error
 * handling and item rendering live here once, so the two elements add only what differs.
 *
 * Sources, first match wins: the `items` property; `src` (or the API URL the subclass builds
 * from `api`); the `<a href>` links the publisher put inside the element.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ifDefined } from 'lit/directives/if-defined.js';
import { canonicalUrl } from './api.js';
import { NewsError, toErrorDetail } from './events.js';
import type { NewsItem } from './feeds.js';
import { DEFAULT_TIMEOUT_MS, fetchShared } from './fetch.js';
import { loadFeeds } from './lazy.js';
import { plural } from './locale.js';
import { NewsElement } from './news-element.js';
import { baseStyles } from './styles.js';
import { comparableUrl } from './url.js';
import { NearViewportController } from './viewport.js';

type Feeds = Awaited<ReturnType<typeof loadFeeds>>;

interface ListData {
  items: NewsItem[];
  generatedAt?: string;
}

/** Largest `limit` honoured: a box, not an archive. */
const MAX_LIMIT = 100;

// Rules both list widgets share, including the `compact` layout's one-line titles.
export const listStyles = css`
  ul,
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    position: relative;
    display: flex;
    gap: var(--_gap);
    align-items: flex-start;
    padding: 0.5rem 0;
    border-top: 1px solid var(--_border);
    break-inside: avoid;
  }
  li:first-child {
    border-top: 0;
  }
  .text {
    flex: 1;
    min-width: 0;
  }
  /* A title takes the lines it needs, up to --news-title-lines; only the skeleton reserves them all. */
  [part~='link'],
  .skeleton-title {
    --_title-lines: var(--news-title-lines, 2);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_title-lines);
    overflow: hidden;
    max-height: calc(var(--_title-lines) * 1.35em);
    line-height: 1.35;
    font-weight: var(--news-title-weight, 600);
  }
  .skeleton-title {
    height: calc(var(--_title-lines) * 1.35em);
  }
  [part~='link']::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .skeleton-title .skeleton-line {
    height: 1em;
    margin: 0.175em 0;
  }
  .skeleton-title .skeleton-line + .skeleton-line {
    width: 60%;
  }
  [part~='image'] {
    flex: none;
    display: block;
    width: var(--news-thumb-width, 7.5rem);
    height: auto;
    aspect-ratio: 3/2;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  [part~='image'].skeleton-image {
    background: var(--_skeleton);
  }
  /* A thumbnail that failed to load keeps its place, without the browser's broken-image glyph. */
  [part~='image'].broken {
    visibility: hidden;
  }
  [part~='meta'] {
    display: block;
    height: 1.4em;
    overflow: hidden;
    font-size: 0.8125rem;
    line-height: 1.4;
    color: var(--_muted);
  }
  :host([layout='compact']) li {
    padding: 0.25rem 0;
  }
  :host([layout='compact']) :is([part~='link'], .skeleton-title) {
    --_title-lines: 1;
  }
  :host([layout='compact']) .skeleton-title .skeleton-line + .skeleton-line {
    display: none;
  }
`;

/**
 * Abstract list element. Subclasses give the tag name, the strings and the API URL, and may
 * add a rank, a meta line or controls above the list.
 *
 * @cssprop --news-title-lines - Lines per title before it is clamped (the skeleton reserves them all; a loaded title takes only the lines it needs).
 * @cssprop --news-title-weight - Title font weight.
 */
export abstract class NewsList<K extends 'related' | 'mostRead' = 'related' | 'mostRead'> extends NewsElement<K> {
  static override styles = [baseStyles, listStyles];

  /** URL of a list in any supported format (RSS, Atom, JSON Feed, the kit's JSON list). */
  @property() src?: string;
  /** Items handed over directly, in the kit's list format; wins over every other source. */
  @property({ attribute: false }) items?: NewsItem[] | null;
  /** How many items to show (1–100). */
  @property({ type: Number }) limit = 5;
  /** URLs to leave out, separated by spaces (or an array). The page's canonical URL is always left out. */
  @property() exclude: string | string[] = '';
  /** Visual layout; CSS only. */
  @property({ reflect: true }) layout = 'list';
  /** Overrides the heading text. */
  @property() heading?: string;
  /** `aria-level` of the heading, 1–6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** `lazy`: fetch when the element comes within about one viewport. `eager`: at once. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Request time-out in milliseconds. */
  @property({ type: Number }) timeout: number = DEFAULT_TIMEOUT_MS;
  /** Minutes: a list whose `generatedAt` is older is hidden, with `news-error` reason `stale`. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter?: number;

  /** Bumped when the publisher's links change, so a list made of them re-reads them. */
  @state() private lightRevision = 0;
  /** Thumbnails that failed to load: their `<img>` keeps its place, hidden. */
  @state() private brokenImages = new Set<string>();
  private lightObserver?: MutationObserver;
  /** Whether the element hid itself after a failure (a publisher's own `hidden` is left alone). */
  private hiddenAfterFailure = false;
  private cache = new Map<string, ListData>();
  /** Whether a list has been shown at least once. */
  protected loadedOnce = false;

  protected readonly viewport = new NearViewportController(this);

  /** The element's tag name, for `news-error`. */
  protected abstract readonly widget: string;
  /** `<ol>` with ranks, or `<ul>`. */
  protected ordered = false;

  /** The URL to fetch: from `src`, else from the API base; `null` when there is neither. */
  protected abstract sourceUrl(api: string | null): string | null;

  protected readonly task = new Task(this, {
    task: async ([waiting, list, source, limit, exclude, staleAfter], { signal }) => {
      try {
        if (waiting) return initialState;
        // The parser loads only when a list is needed, beside the data.
        const feeds = loadFeeds();
        let data: ListData;
        if (list != null) data = { items: (await feeds).normalizeItems(list, { url: document.baseURI }) };
        else if (typeof source === 'string') {
          data = this.cache.get(source) ?? (await this.load(source, signal, feeds));
          this.cache.set(source, data);
        } else data = { items: this.lightItems(await feeds) };
        const age = data.generatedAt ? Date.now() - Date.parse(data.generatedAt) : 0;
        if (staleAfter && staleAfter > 0 && age > staleAfter * 60_000)
          throw new NewsError('stale', `List is ${Math.round(age / 60_000)} minutes old`);
        const skip = new Set(
          [
            canonicalUrl(),
            ...([] as string[]).concat(exclude ?? []).flatMap((value) => String(value).split(/\s+/)),
          ].map((url) => comparableUrl(url.replace(/,$/, ''), document.baseURI)),
        );
        const items = data.items.filter((item) => !skip.has(comparableUrl(item.url))).slice(0, limit);
        if (!items.length) throw new NewsError('empty', 'Nothing to show');
        this.hideAfterFailure(false);
        this.loadedOnce = true;
        return items;
      } catch (error) {
        if (signal.aborted) return initialState;
        this.emit('news-error', toErrorDetail(this.widget, error));
        this.hideAfterFailure(!this.keepOnFailure() && !this.querySelector('a[href]'));
        return null;
      }
    },
    args: () => {
      const source = this.sourceUrl(this.apiBase) ?? this.lightRevision;
      // Only a fetch waits for the viewport; items and the publisher's links are already here.
      const waiting =
        typeof source === 'string' && this.items == null && this.loading !== 'eager' && !this.viewport.near;
      return [waiting, this.items, source, this.rows, this.exclude, this.staleAfter] as const;
    },
  });

  /** Number of skeleton rows: the final size of a full list. */
  protected get rows(): number {
    return Math.min(Math.max(Math.floor(this.limit) || 1, 1), MAX_LIMIT);
  }

  private async load(url: string, signal: AbortSignal, feeds: Promise<Feeds>): Promise<ListData> {
    // A URL under the API base is the API's: its failure may be the API refusing this page's origin.
    const api = this.apiBase;
    const fromApi = api && url.startsWith(`${api}/`) ? api : undefined;
    const body = await fetchShared(url, { signal, timeout: this.timeout, api: fromApi });
    const { parseFeed, decodeFeedBytes } = await feeds;
    return parseFeed(decodeFeedBytes(body.bytes, body.contentType), { url: body.url });
  }

  /** The publisher's `<a href>` children as items (same normalisation as a feed). */
  private lightItems({ normalizeItems }: Feeds): NewsItem[] {
    const raw = Array.from(this.querySelectorAll('a[href]'), (a) => {
      const img = a.querySelector('img');
      return {
        url: a.getAttribute('href'),
        title: a.textContent?.trim() || img?.getAttribute('alt') || '',
        image: img?.getAttribute('src') ?? undefined,
        views: a.getAttribute('data-views') ?? undefined,
      };
    });
    if (!raw.length) throw new NewsError('empty', 'No src, items, api or links inside');
    return normalizeItems(raw, { url: document.baseURI });
  }

  private hideAfterFailure(hide: boolean): void {
    if (hide === this.hiddenAfterFailure) return;
    this.hiddenAfterFailure = hide;
    this.hidden = hide;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Links may arrive after the upgrade (the parser is still reading them) or be changed later.
    this.lightObserver ??= new MutationObserver(() => this.lightRevision++);
    this.lightObserver.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lightObserver?.disconnect();
  }

  /**
   * Whether the box stays (with its controls, and `renderFailure()` in place of the list) when
   * loading fails, instead of falling back to the light-DOM links or hiding.
   */
  protected keepOnFailure(): boolean {
    return false;
  }

  /** Shown in place of the list when `keepOnFailure()` holds. */
  protected renderFailure(): unknown {
    return nothing;
  }

  /** Rendered above the list (e.g. tabs). */
  protected renderControls(): unknown {
    return nothing;
  }

  /** Wraps the list (e.g. in a tab panel). */
  protected renderPanel(list: unknown): unknown {
    return list;
  }

  /** A line under the title (`item` is `null` in the skeleton), or nothing. */
  protected renderMeta(_item: NewsItem | null): unknown {
    return nothing;
  }

  /** Whether items show a picture in this layout. */
  protected get withImages(): boolean {
    return this.layout === 'thumbnails' || this.layout === 'grid';
  }

  protected renderRow(item: NewsItem | null, index: number): TemplateResult {
    return html`<li part="item${item ? '' : ' skeleton'}">
      ${this.ordered ? html`<span part="rank" aria-hidden="true">${index + 1}</span>` : nothing}
      ${this.withImages ? this.renderImage(item) : nothing}
      <span class="text">
        ${
          item
            ? html`<a part="link" href=${item.url}>${item.title}</a>`
            : html`<span class="skeleton-title"><i class="skeleton-line"></i><i class="skeleton-line"></i></span>`
        }
        ${this.renderMeta(item)}
      </span>
    </li>`;
  }

  /** The thumbnail: a placeholder while loading, nothing for an item without a picture. */
  private renderImage(item: NewsItem | null): unknown {
    if (!item) return html`<span part="image" class="skeleton-image"></span>`;
    const { image } = item;
    if (!image) return nothing;
    const wide = this.layout === 'grid';
    return html`<img
      part="image"
      class=${this.brokenImages.has(image) ? 'broken' : ''}
      src=${image}
      width=${wide ? 320 : 120}
      height=${wide ? 180 : 80}
      alt=""
      loading="lazy"
      decoding="async"
      @error=${() => (this.brokenImages = new Set(this.brokenImages).add(image))}
    />`;
  }

  protected formatViews(views: number): string {
    const { view, views: many } = this.strings;
    return plural(this.locale.tag, views, { one: view, other: many });
  }

  override render(): unknown {
    const { status, value } = this.task;
    const failed = status === TaskStatus.COMPLETE && !value;
    // Failed: the publisher's own links stay as they are (or the host is hidden).
    if (failed && !this.keepOnFailure()) return html`<slot></slot>`;
    const items = status === TaskStatus.COMPLETE ? value : null;
    const rows = items ?? Array.from({ length: this.rows }, () => null);
    const lis = rows.map((item, index) => this.renderRow(item, index));
    // `role=list` keeps list semantics under `list-style: none`; the skeleton is hidden from AT.
    const role = items ? 'list' : undefined;
    const hidden = items ? undefined : 'true';
    const list = failed
      ? this.renderFailure()
      : html`${items ? nothing : html`<span class="visually-hidden" role="status">${this.strings.loading}</span>`}
        ${
          this.ordered
            ? html`<ol part="list" role=${ifDefined(role)} aria-hidden=${ifDefined(hidden)}>
                ${lis}
              </ol>`
            : html`<ul part="list" role=${ifDefined(role)} aria-hidden=${ifDefined(hidden)}>
                ${lis}
              </ul>`
        }`;
    return html`<section part="base" aria-labelledby="h" aria-busy=${items || failed ? 'false' : 'true'}>
      ${this.renderHeading(this.heading || this.strings.heading, this.headingLevel)} ${this.renderControls()}
      ${this.renderPanel(list)}
    </section>`;
  }
}
