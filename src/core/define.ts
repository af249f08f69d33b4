/**
 * Defines a custom element once. Loading a bundle twice (or two bundles that both carry an
 * element) must never throw `NotSupportedError` into the host page, so a tag that is already
 * registered is left alone.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  try {
    customElements.define(tag, ctor);
  } catch {
    // Another bundle won a race between get() and define(), or the constructor was already
    // registered under another tag: either way the page keeps working.
  }
}
