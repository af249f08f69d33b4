import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { TranslationSections } from '../translations/types.js';
import { apiBase } from './api.js';
import { emit, type NewsEventDetail, type NewsEventName, type NewsEventOptions } from './events.js';
import { LocaleController, translate, type Localized } from './locale.js';

/**
 * The base of every element of the kit: locale and strings, the API base, typed events and a
 * `define` that tolerates a second bundle on the page. Subclasses are exported without side
 * effects; the `index.ts` of each folder defines them.
 *
 * Theme tokens every element reads (styles in `core/styles.ts`). Without them, colours follow the
 * page's `color-scheme`; surfaces, borders, muted text and the skeleton are mixed from the text
 * colour, so a page that sets only text, link and accent for a dark design gets dark boxes.
 *
 * @attribute theme - `dark`, `light` or `auto` (follow the reader); default: the page's `color-scheme`.
 *
 * @cssprop --news-color-text - Text colour (default: near-black, or near-white in a dark scheme).
 * @cssprop --news-color-background - The boxes' background (default: transparent, the page shows through); surfaces and borders are mixed from it and the text colour.
 * @cssprop --news-color-muted - Secondary text: dates, counts (default: the text colour at 74 %).
 * @cssprop --news-color-heading - Heading text (default: the text colour).
 * @cssprop --news-color-link - Links.
 * @cssprop --news-color-accent - Heading rule, ranks, selected tab, primary buttons.
 * @cssprop --news-color-on-accent - Text on the accent colour (default: black or white, whichever the accent's lightness calls for).
 * @cssprop --news-color-border - Separators and outlines (default: the text colour at 20 % over the background).
 * @cssprop --news-color-surface - Buttons and fields (default: the background).
 * @cssprop --news-color-surface-alt - Hovered buttons, quoted blocks (default: the text colour at 7 % over the background).
 * @cssprop --news-color-skeleton - Loading placeholders (default: the text colour at 11 % over the background).
 * @cssprop --news-color-focus - Focus ring (default: the link colour).
 * @cssprop --news-space-block - Space above and below each box (default 1.5rem).
 * @cssprop --news-radius - Corner radius (default 4px).
 * @cssprop --news-gap - Space inside a box (default 0.75rem).
 * @cssprop --news-line-height - Line height (default 1.45).
 * @cssprop --news-heading-size - Heading font size (default 1.125rem).
 */
export abstract class NewsElement<K extends keyof TranslationSections = keyof TranslationSections> extends LitElement {
  /**
   * Registers the element under `tag`. A tag that is already defined (the same file loaded
   * twice, or two bundles that both carry the element) is left alone; any other error is the
   * developer's to see.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this as unknown as CustomElementConstructor);
  }

  /** Overrides of any of the element's strings, in the current language. */
  @property({ attribute: false }) messages?: Partial<TranslationSections[K]>;

  /** API base URL; else `<meta name="news-widgets:api" content="…">`. */
  @property() api?: string;

  /** The element's shipped strings (its translation section). */
  protected abstract readonly localized: Localized<K>;

  protected readonly locale = new LocaleController(this);

  /** The strings for the element's language, with registered translations and `messages` applied. */
  protected get strings(): TranslationSections[K] {
    return translate(this.localized, this.locale.language, this.messages);
  }

  /** The API base without a trailing slash, or `null` when none is configured. */
  protected get apiBase(): string | null {
    return apiBase(this);
  }

  /**
   * The box's heading, `#h` (the region's label): `role=heading` with `aria-level` kept to 1–6
   * (2 when the level is not a number).
   */
  protected renderHeading(text: string, level: number): TemplateResult {
    const ariaLevel = Math.min(Math.max(Math.floor(level) || 2, 1), 6);
    return html`<div id="h" part="heading" role="heading" aria-level=${ariaLevel}>${text}</div>`;
  }

  /** Fires a `news-*` event from the element: bubbles, composed, typed by the global event map. */
  protected emit<E extends NewsEventName>(name: E, detail: NewsEventDetail<E>, options?: NewsEventOptions): boolean {
    return emit(this, name, detail, options);
  }
}
