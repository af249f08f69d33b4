import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { TranslationSections } from '../translations/types.js';
import { apiBase } from './api.js';
import { emit, type NewsEventDetail, type NewsEventName, type NewsEventOptions } from './events.js';
import { LocaleController, translate, type Localized } from './locale.js';

/**
 * The base of every element of the kit: locale and strings, the API base, typed events and a
 * `define` that tolerates a second bundle on the page. Subclasses are exported without side
 * effects; the `index.ts` of each folder defines them.
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

  /** Fires a `news-*` event from the element: bubbles, composed, typed by the global event map. */
  protected emit<E extends NewsEventName>(name: E, detail: NewsEventDetail<E>, options?: NewsEventOptions): boolean {
    return emit(this, name, detail, options);
  }
}
