/**
 * The base class of the two list widgets, `<news-related>` and `<news-most-read>`: sources,
 * `limit`, `exclude`, canonical exclusion, `stale-after`, lazy loading, the skeleton, error
 * handling and item rendering live here once, so the two elements add only what differs.
 *
 * Sources, first match wins: the `items` property; `src` (or the API URL the subclass builds
 * from `api`); the `<a href>` links the publisher put inside the element.
 */
import { LitElement, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { ifDefined } from 'lit/directives/if-defined.js';
import { apiBase, canonicalUrl } from './api.js';
import { emit, NewsError, toErrorDetail } from './events.js';
import type { NewsItem } from './feeds.js';
import { DEFAULT_TIMEOUT_MS, fetchShared } from './fetch.js';
import type { ListStrings, TranslationSections } from '../translations/types.js';
import { LocaleController, format, translate, type Localized } from './locale.js';
import { baseStyles } from './styles.js';
import { comparableUrl } from './url.js';
import { NearViewportController } from './viewport.js';

/** Strings every list widget has. */
/** @deprecated Use `ListStrings`. */
export type ListMessages = ListStrings;

type Feeds = typeof import('./feeds.js');

interface ListData {
  items: NewsItem[];
  generatedAt?: string;
}

/** Largest `limit` honoured: a box, not an archive. */
const MAX_LIMIT = 100;

// Compact on purpose (the build strips only whitespace). Rules both list widgets share live
// here once, including the `compact` layout's one-line titles.
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
  .c {
    flex: 1;
    min-width: 0;
  }
  [part~='link'],
  .sk {
    --_l: var(--news-title-lines, 2);
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_l);
    overflow: hidden;
    height: calc(var(--_l) * 1.35em);
    line-height: 1.35;
    font-weight: var(--news-title-weight, 600);
  }
  [part~='link']::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .sk .skeleton-line {
    height: 1em;
    margin: 0.175em 0;
  }
  .sk .skeleton-line + .skeleton-line {
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
    background: var(--_skeleton);
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
  :host([layout='compact']) :is([part~='link'], .sk) {
    --_l: 1;
  }
  :host([layout='compact']) .sk .skeleton-line + .skeleton-line {
    display: none;
  }
`;

/**
 * Abstract list element. Subclasses give the tag name, the strings and the API URL, and may
 * add a rank, a meta line or controls above the list.
 */
export abstract class NewsList<K extends 'related' | 'mostRead' = 'related' | 'mostRead'> extends LitElement {
  static override styles = [baseStyles, listStyles];

  protected readonly locale = new LocaleController(this);
  protected readonly viewport = new NearViewportController(this);

  // `static properties`, not decorators: the decorators module would cost ~0.4 KB gzip in
  // every list bundle (fields with initializers are plain assignments: useDefineForClassFields is off).
  static override properties: PropertyDeclarations = {
    _rev: { state: true },
    src: {},
    items: { attribute: false },
    limit: { type: Number },
    exclude: {},
    layout: { reflect: true },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    loading: {},
    timeout: { type: Number },
    staleAfter: { type: Number, attribute: 'stale-after' },
    messages: { attribute: false },
  };

  /** Bumped when the publisher's links change, so a light-DOM list re-reads them. */
  private _rev = 0;
  private _observer?: MutationObserver;
  private _cache = new Map<string, ListData>();
  private _hid = false;
  /** Whether a list has been shown at least once. */
  protected loadedOnce = false;

  /** URL of a list in any supported format (RSS, Atom, JSON Feed, the kit's JSON list). */
  src?: string;
  /** Items handed over directly, in the kit's list format; wins over every other source. */
  items?: unknown[] | null;
  /** How many items to show (1–100). */
  limit = 5;
  /** URLs to leave out, separated by spaces (or an array). The page's canonical URL is always left out. */
  exclude: string | string[] = '';
  /** Visual layout; CSS only. */
  layout = 'list';
  /** Overrides the heading text. */
  heading?: string;
  /** `aria-level` of the heading, 1–6. */
  headingLevel = 2;
  /** `lazy`: fetch when the element comes within about one viewport. `eager`: at once. */
  loading: 'lazy' | 'eager' = 'lazy';
  /** Request time-out in milliseconds. */
  timeout = DEFAULT_TIMEOUT_MS;
  /** Minutes: a list whose `generatedAt` is older is hidden, with `news-error` reason `stale`. */
  staleAfter?: number;
  /** Overrides any string. */
  messages?: Partial<TranslationSections[K]> | null;

  /** The element's tag name, for `news-error`. */
  protected abstract readonly widget: string;
  protected abstract readonly localized: Localized<K>;
  /** `<ol>` with ranks, or `<ul>`. */
  protected ordered = false;

  /** The URL to fetch: from `src`, else from the API base; `null` when there is neither. */
  protected abstract sourceUrl(api: string | null): string | null;

  protected get msg(): TranslationSections[K] {
    return translate(this.localized, this.locale.language, this.messages);
  }

  protected readonly task = new Task(this, {
    task: async ([near, list, source, limit, exclude, staleAfter], { signal }) => {
      try {
        if (typeof source === 'string' && list == null && !near) return initialState;
        // The parser is a separate chunk: it loads only when a list is needed, beside the data.
        const feeds = import('./feeds.js');
        let data: ListData;
        if (list != null) data = { items: (await feeds).normalizeItems(list, { url: document.baseURI }) };
        else if (typeof source === 'string') {
          data = this._cache.get(source) ?? (await this.load(source, signal, feeds));
          this._cache.set(source, data);
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
        this.setHidden(false);
        this.loadedOnce = true;
        return items;
      } catch (error) {
        if (signal.aborted) return initialState;
        emit(this, 'news-error', toErrorDetail(this.widget, error));
        this.setHidden(!this.keepOnFailure() && !this.querySelector('a[href]'));
        return null;
      }
    },
    args: () => {
      const url = this.sourceUrl(apiBase(this));
      return [
        this.loading === 'eager' || this.viewport.near,
        this.items,
        url ?? this._rev,
        this.rows,
        this.exclude,
        this.staleAfter,
      ] as const;
    },
  });

  /** Number of skeleton rows: the final size of a full list. */
  protected get rows(): number {
    return Math.min(Math.max(Math.floor(this.limit) || 1, 1), MAX_LIMIT);
  }

  private async load(url: string, signal: AbortSignal, feeds: Promise<Feeds>): Promise<ListData> {
    const body = await fetchShared(url, { signal, timeout: this.timeout });
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

  private setHidden(hide: boolean): void {
    if (hide === this._hid) return;
    this._hid = hide;
    this.hidden = hide;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Links may arrive after the upgrade (the parser is still reading them) or be changed later.
    this._observer ??= new MutationObserver(() => this._rev++);
    this._observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
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

  /** A line under the title, or nothing. */
  protected renderMeta(_item: NewsItem): unknown {
    return nothing;
  }

  /** Whether items show a picture in this layout. */
  protected get withImages(): boolean {
    return this.layout === 'thumbnails' || this.layout === 'grid';
  }

  // Templates are written without indentation: Lit's html`` is not minified by the build.
  protected renderRow(item: NewsItem | null, index: number): TemplateResult {
    const wide = this.layout === 'grid';
    return html`<li part="item${item ? '' : ' skeleton'}">
      ${this.ordered ? html`<span part="rank" aria-hidden="true">${index + 1}</span>` : nothing}${
        this.withImages
          ? item?.image
            ? html`<img
                part="image"
                src=${item.image}
                width=${wide ? 320 : 120}
                height=${wide ? 180 : 80}
                alt=""
                loading="lazy"
                decoding="async"
              />`
            : html`<span part="image"></span>`
          : nothing
      }<span class="c"
        >${
          item
            ? html`<a part="link" href=${item.url}>${item.title}</a>`
            : html`<span class="sk"><i class="skeleton-line"></i><i class="skeleton-line"></i></span>`
        }${this.renderMeta(item ?? { url: '', title: '' })}</span
      >
    </li>`;
  }

  protected formatViews(views: number): string {
    const m = this.msg;
    return format(views === 1 ? m.view : m.views, { count: new Intl.NumberFormat(this.locale.tag).format(views) });
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
      : html`${items ? nothing : html`<span class="visually-hidden" role="status">${this.msg.loading}</span>`}${
          this.ordered
            ? html`<ol part="list" role=${ifDefined(role)} aria-hidden=${ifDefined(hidden)}>
                ${lis}
              </ol>`
            : html`<ul part="list" role=${ifDefined(role)} aria-hidden=${ifDefined(hidden)}>
                ${lis}
              </ul>`
        }`;
    const level = Math.min(Math.max(Math.floor(this.headingLevel) || 2, 1), 6);
    return html`<section part="base" aria-labelledby="h" aria-busy=${items || failed ? 'false' : 'true'}>
      <div id="h" part="heading" role="heading" aria-level=${level}>${this.heading || this.msg.heading}</div>
      ${this.renderControls()}${this.renderPanel(list)}
    </section>`;
  }
}
