import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Translation, TranslationSections } from '../translations/types.js';

/** A BCP 47 primary language subtag the kit has strings for: `vi` and `en` ship, others can be registered. */
export type Language = string;

export interface ResolvedLocale {
  /** Which strings to use. */
  language: Language;
  /** The BCP 47 tag for `Intl`, e.g. `vi-VN` or `en-GB`. */
  tag: string;
}

const registered = new Map<Language, Translation>();
const BUILT_IN = new Set<Language>(['vi', 'en']);

/**
 * Adds languages, or replaces strings of a shipped one, for every element on the page: pass
 * the exports of a language file (`import * as fr from './fr.js'; registerTranslation(fr)`).
 * Sections a translation leaves out fall back to English (to Vietnamese for `vi`).
 */
export function registerTranslation(...translations: Translation[]): void {
  for (const translation of translations) {
    const code = translation.$code.toLowerCase();
    registered.set(code, { ...registered.get(code), ...translation, $code: code });
  }
  controllers.forEach((controller) => controller.refresh(true));
}

const known = (language: string) => BUILT_IN.has(language) || registered.has(language);

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
    const language = tag.split('-')[0].toLowerCase();
    if (language && known(language)) return { language, tag };
  }
  return { language: 'vi', tag: 'vi-VN' };
}

/** An element's shipped strings: its section name and the Vietnamese and English tables. */
export interface Localized<K extends keyof TranslationSections> {
  section: K;
  vi: TranslationSections[K];
  en: TranslationSections[K];
}

/**
 * The strings for a language: the shipped table (English for a language the kit does not ship),
 * then a registered translation's section, then the developer's `messages` overrides.
 */
export function translate<K extends keyof TranslationSections>(
  localized: Localized<K>,
  language: Language,
  overrides?: Partial<TranslationSections[K]> | null,
): TranslationSections[K] {
  const shipped = language === 'vi' ? localized.vi : localized.en;
  const extra = registered.get(language)?.[localized.section];
  return extra || overrides ? { ...shipped, ...extra, ...overrides } : shipped;
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

/** The observer stops when the last widget leaves the page, and starts again with the next. */
function unwatchIfIdle(): void {
  if (controllers.size || !observer) return;
  observer.disconnect();
  observer = null;
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
    unwatchIfIdle();
  }

  /** Re-resolves the locale; `force` re-renders even when it is unchanged (new strings registered). */
  refresh(force = false): void {
    const { language, tag } = resolveLocale(this.host);
    if (!force && language === this.language && tag === this.tag) return;
    this.language = language;
    this.tag = tag;
    this.host.requestUpdate();
  }
}
