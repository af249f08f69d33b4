import type { Localized } from '../core/locale.js';
import { related as enRelated } from '../translations/en/related.js';
import { related as viRelated } from '../translations/vi/related.js';
import { canonicalUrl, pageTitle } from '../core/api.js';
import { LIMITS } from '../core/contract.js';
import { NewsList } from '../core/news-list.js';
import type { RelatedStrings } from '../translations/types.js';
import { styles } from './news-related.styles.js';

export type RelatedMessages = RelatedStrings;

const LOCALIZED: Localized<'related'> = { section: 'related', vi: viRelated, en: enRelated };

/**
 * "Tin liên quan": a list of links to related articles.
 *
 * Sources, first match wins: the `items` property; `src` (RSS, Atom, JSON Feed or the kit's
 * JSON list); `{api}/related?url={canonical}&title={og:title or document.title}&limit={limit}` when an API base is set (the `api`
 * attribute or `<meta name="news-widgets:api">`); the `<a href>` links inside the element.
 * Without JavaScript those links show as they are; with it they become the styled list, and
 * they stay as the fallback when a fetch fails. The page's canonical URL is never listed.
 *
 * Layouts (`layout`, CSS only): `list` (default), `thumbnails` (picture beside the title),
 * `grid` (cards) and `compact` (one line per title). While loading, a skeleton of the final
 * size holds the space; `src/related/reserve.css` holds it before the script has loaded.
 *
 * @customElement news-related
 * @summary Related articles, as a list, thumbnails, a grid of cards or a compact list.
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
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>` (also `skeleton` while loading).
 * @csspart link - Each article link.
 * @csspart image - Each thumbnail (layouts `thumbnails` and `grid`); none for an item without a picture, hidden (its place kept) when it fails to load.
 *
 * @cssprop --news-thumb-width - Thumbnail width (layout `thumbnails`).
 * @cssprop --news-card-width - Minimum card width (layout `grid`).
 */
export class NewsRelated extends NewsList<'related'> {
  static override styles = [...NewsList.styles, styles];

  protected readonly widget = 'news-related';
  protected readonly localized = LOCALIZED;

  protected sourceUrl(api: string | null): string | null {
    if (this.src) return this.src;
    if (!api) return null;
    // The title lets the server rank related articles for a page it has not seen yet.
    const title = pageTitle().slice(0, LIMITS.articleTitle);
    const byTitle = title ? `&title=${encodeURIComponent(title)}` : '';
    return `${api}/related?url=${encodeURIComponent(canonicalUrl())}${byTitle}&limit=${this.rows}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-related': NewsRelated;
  }
}
