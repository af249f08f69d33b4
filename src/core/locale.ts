import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages the kit ships strings for. Vietnamese first, English second. */
export type Language = 'vi' | 'en';

export interface ResolvedLocale {
  /** Which string table to use. */
  language: Language;
  /** The BCP 47 tag for `Intl`, e.g. `vi-VN` or `en-GB`. */
  tag: string;
}

/**
 * The element's locale: the nearest `[lang]` (looking through shadow roots), then `<html lang>`,
 * then the browser. A language the kit has no strings for falls through to the next source, and
 * Vietnamese is the default.
 */
export function resolveLocale(element: Element): ResolvedLocale {
  let node: Node | null = element;
  while (node && !(node as Element).hasAttribute?.('lang'))
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  const candidates = [
    (node as Element | null)?.getAttribute('lang'),
    typeof document == 'undefined' ? null : document.documentElement.getAttribute('lang'),
    ...(typeof navigator == 'undefined' ? [] : (navigator.languages ?? [navigator.language])),
  ];
  for (const raw of candidates) {
    const tag = raw?.trim() ?? '';
    const language = tag.slice(0, 2).toLowerCase();
    if (language == 'vi' || language == 'en') return { language, tag };
  }
  return { language: 'vi', tag: 'vi-VN' };
}

/** String tables: one per language, all with the same keys. */
export type Catalog<T> = Record<Language, T>;

/** The strings for a language with the developer's `messages` overrides on top. */
export function messagesFor<T extends object>(
  catalog: Catalog<T>,
  language: Language,
  overrides?: Partial<T> | null,
): T {
  return overrides ? { ...catalog[language], ...overrides } : catalog[language];
}

/** Fills `{name}` placeholders. Values are plain strings; the result is rendered as text. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** `one`/`other` plural choice through `Intl.PluralRules`. */
export function plural(localeTag: string, count: number, forms: { one: string; other: string }): string {
  const rule = new Intl.PluralRules(localeTag).select(count);
  return format(rule === 'one' ? forms.one : forms.other, { count: new Intl.NumberFormat(localeTag).format(count) });
}

const controllers = new Set<LocaleController>();
let observer: MutationObserver | null = null;

function watchLangChanges(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  // One observer for every widget on the page: a `lang` change anywhere re-resolves them all.
  observer = new MutationObserver(() => controllers.forEach((controller) => controller.refresh()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Keeps a widget's locale in step with the page: it resolves on connect and again whenever a
 * `lang` attribute changes, and asks the host to re-render when the result differs.
 */
export class LocaleController implements ReactiveController {
  language: Language = 'vi';
  tag = 'vi-VN';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchLangChanges();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  refresh(): void {
    const { language, tag } = resolveLocale(this.host);
    if (language === this.language && tag === this.tag) return;
    this.language = language;
    this.tag = tag;
    this.host.requestUpdate();
  }
}
