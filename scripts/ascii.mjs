// The publisher files are ASCII-only, so they run the same on a page in any encoding (a page
// served as windows-1258 decodes a classic script in the page's charset unless told otherwise).
// esbuild escapes strings, but not the text of tagged templates (Lit's html`` and css``), nor
// dependencies it does not transform; these two functions escape what is left, after minifying.

const NON_ASCII = /[\u0080-\uffff]/g;
const hex = (char) => char.charCodeAt(0).toString(16).padStart(4, '0');

/**
 * JavaScript: each UTF-16 code unit above 0x7F becomes `\uXXXX`, which means the same character
 * in strings, templates (Lit reads the cooked strings), regular expressions and identifiers.
 */
export const escapeJs = (code) => code.replace(NON_ASCII, (char) => `\\u${hex(char)}`);

/** CSS: each code point above 0x7F becomes `\XXXXXX` (six digits, so no space is needed after it). */
export const escapeCss = (text) =>
  text.replace(/[\u0080-\u{10ffff}]/gu, (char) => `\\${char.codePointAt(0).toString(16).padStart(6, '0')}`);

/** A rollup plugin, last in the list: every chunk leaves ASCII-only. */
export const asciiOnly = () => ({
  name: 'news-widgets-ascii-only',
  renderChunk(code) {
    const out = escapeJs(code);
    return out === code ? null : { code: out, map: null };
  },
});
