// A Rollup plugin that minifies the static text of Lit `css` tagged templates in our own
// sources. esbuild minifies the code but leaves template literals alone, and styles are a good
// part of every widget's bytes. Only whitespace and comments go; nothing is reordered.
export function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\.ts$/.test(id) || id.includes('node_modules') || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_match, body) => {
        const minified = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${minified}\``;
      });
      return { code: out, map: null };
    },
  };
}
