/**
 * Publisher templates: `<template data-part="comment">…{name} - {time}…{body}…{replies}</template>`.
 * The template's markup passes through the sanitize module (DOMPurify, template allow-list)
 * once; each comment clones the result and fills the placeholders in TEXT NODES ONLY, so a
 * value can never land in an attribute or be parsed as markup.
 */

import { loadSanitizer } from '../core/lazy.js';

export type TemplateValues = Record<'name' | 'time' | 'body' | 'replies', string | Node>;

const PLACEHOLDER = /(\{(?:name|time|body|replies)\})/;

/** The sanitized content of a publisher template (loads DOMPurify on first use). */
export async function prepareTemplate(template: HTMLTemplateElement): Promise<DocumentFragment> {
  const { sanitizeToFragment } = await loadSanitizer();
  return sanitizeToFragment(template.innerHTML, 'template');
}

/**
 * A filled copy of a prepared template. Strings become text nodes; nodes are inserted as they
 * are (a second use of the same placeholder gets a deep clone). Returns the filled fragment and
 * whether `{replies}` was placed.
 */
export function fillTemplate(
  prepared: DocumentFragment,
  values: TemplateValues,
): { fragment: DocumentFragment; placed: Set<string> } {
  const fragment = prepared.cloneNode(true) as DocumentFragment;
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const placed = new Set<string>();
  for (const text of texts) {
    const pieces = text.data.split(PLACEHOLDER);
    if (pieces.length === 1) continue;
    const nodes: Node[] = [];
    pieces.forEach((piece, index) => {
      if (index % 2 === 0) {
        if (piece) nodes.push(document.createTextNode(piece));
        return;
      }
      const key = piece.slice(1, -1) as keyof TemplateValues;
      const value = values[key];
      if (typeof value === 'string') nodes.push(document.createTextNode(value));
      else nodes.push(placed.has(key) ? value.cloneNode(true) : value);
      placed.add(key);
    });
    text.replaceWith(...nodes);
  }
  return { fragment, placed };
}
