import { NewsElement } from './news-element.js';

/**
 * @deprecated Use the element's own `define`: `NewsShare.define('news-share')`. Kept, as the
 * same rule (a tag that is already defined is left alone), for callers not yet moved.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, registry?: CustomElementRegistry): void {
  NewsElement.define.call(ctor as unknown as typeof NewsElement, tag, registry);
}
