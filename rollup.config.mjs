// Two kinds of output:
//  - dist/**: unbundled ESM for npm (one module per source file; lit, @lit/task and dompurify stay
//    dependencies), with .d.ts files from `tsc --emitDeclarationOnly` (scripts/build.mjs).
//  - dist/cdn/*: the publisher files with fixed names, minified, with Lit's production build, so
//    one <script> tag is all a CMS template needs. All ES entries come from ONE rollup build, so
//    they share every chunk in dist/cdn/chunks/: a page that loads two per-widget files downloads
//    Lit (and anything else they have in common) once. Each entry is a stub that only imports and
//    re-exports chunks; no chunk ever imports an entry, so an entry loaded twice under two URLs
//    (`news-comments.js` and `news-comments.js?v=2`) runs its code once. What a page needs only
//    later (the feed parser, DOMPurify, the comment list and form, share actions) is a lazy chunk;
//    dist/cdn/chunks.json lists, per entry, the chunks it loads at once and later, for
//    `<link rel="modulepreload">` hints. The IIFE inlines everything into one file. Every
//    publisher file is ASCII-only (scripts/ascii.mjs), so it works on a page in any encoding.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import esbuild from 'rollup-plugin-esbuild';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiOnly } from './scripts/ascii.mjs';

export const CDN_ENTRIES = {
  'news-widgets': 'src/index.ts',
  'news-related': 'src/related/index.ts',
  'news-most-read': 'src/most-read/index.ts',
  'news-share': 'src/share/index.ts',
  'news-comments': 'src/comments/index.ts',
  'news-moderation': 'src/moderation/index.ts',
};

const NPM_ENTRIES = [
  'src/index.ts',
  'src/core/index.ts',
  ...Object.values(CDN_ENTRIES).filter((path) => path !== 'src/index.ts'),
];

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const STUB = '\0news-widgets-entry:';

const compile = (minify) => esbuild({ tsconfig: './tsconfig.json', target: 'es2021', minify, legalComments: 'none' });
/** Lit's production build (no dev-mode warnings), browser builds of every dependency. */
export const bundledResolve = () =>
  nodeResolve({ exportConditions: ['production', 'browser', 'module', 'import', 'default'], browser: true });
/** Minifies the markup of `html` and the text of `css` templates; the source stays formatted. */
export const minifyTemplates = () => minifyHTML({ failOnError: true, include: ['src/**/*.ts'] });
const onwarn = (warning, warn) => {
  // Lit's production build contains `this` at the top level of a few modules; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

/**
 * Each publisher entry is a one-line stub (`export * from '<the widget's index>'`), so the
 * widget's own modules live in chunks that every other entry can share, and the entry chunk holds
 * nothing another chunk could import.
 */
function entryStubs() {
  return {
    name: 'news-widgets-entry-stubs',
    resolveId: (id) => (id.startsWith(STUB) ? id : null),
    load(id) {
      if (!id.startsWith(STUB)) return null;
      const target = JSON.stringify(`${ROOT}${id.slice(STUB.length)}`);
      return { code: `export * from ${target};\n`, moduleSideEffects: true };
    },
  };
}

/**
 * Modules used by one entry only would otherwise be merged into that entry's file (rollup puts
 * a module in the entry chunk when no other entry needs it), and a lazy chunk of that entry would
 * then import the entry. They go to a chunk named after their folder instead; Lit gets its own.
 */
function manualChunks(id) {
  // Lit's runtime; its directives go with the widgets that use them (the desk's `repeat` is not
  // every widget's download).
  const lit = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id);
  if (lit && !/[\\/]directives?[\\/.]|directive-helpers/.test(id)) return 'lit';
  if (/[\\/]node_modules[\\/]dompurify[\\/]/.test(id)) return 'dompurify';
  return undefined;
}

/** `news-comments` for the chunk of src/comments/index.ts, `core` for the shared base with the translations. */
function chunkName(chunk) {
  const ids = chunk.moduleIds.map((id) => id.replaceAll('\\', '/'));
  const index = ids.map((id) => /\/src\/([\w-]+)\/index\.ts$/.exec(id)).find(Boolean);
  if (index) return `news-${index[1]}`;
  // The base every element needs: core modules with the translations.
  if (!chunk.isDynamicEntry && ids.some((id) => id.includes('/src/translations/'))) return 'core';
  return chunk.name;
}

/**
 * A lazy chunk's own static imports would be requested only once the chunk has arrived and been
 * parsed: a second round trip. Every `import('./chunk.js')` in a chunk is rewritten to also
 * import, in parallel, the chunks that chunk needs and the importer has not loaded yet.
 */
function parallelLazyImports() {
  return {
    name: 'news-widgets-parallel-lazy-imports',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!chunk.dynamicImports.length) return null;
      const closure = (name, seen = new Set()) => {
        if (seen.has(name) || !chunks[name]) return seen;
        seen.add(name);
        for (const next of chunks[name].imports) closure(next, seen);
        return seen;
      };
      const loaded = closure(chunk.fileName);
      const from = posix.dirname(chunk.fileName);
      const specifier = (name) => {
        const path = posix.relative(from, name);
        return path.startsWith('.') ? path : `./${path}`;
      };
      // One pass over the chunk's own `import("…")` calls, so a rewrite is never rewritten again.
      const rewrites = new Map();
      for (const target of chunk.dynamicImports) {
        const extra = [...closure(target)].filter((name) => name !== target && !loaded.has(name));
        if (!extra.length) continue;
        const call = `import(${JSON.stringify(specifier(target))})`;
        if (!code.includes(call)) this.error(`${chunk.fileName}: no ${call} to rewrite`);
        const all = [target, ...extra].map((name) => `import(${JSON.stringify(specifier(name))})`).join(',');
        rewrites.set(call, `Promise.all([${all}]).then((m)=>m[0])`);
      }
      const out = code.replace(/\bimport\("[^"]+"\)/g, (call) => rewrites.get(call) ?? call);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** Fails the build when an entry holds more than its stub, or when any chunk imports an entry. */
function checkEntries() {
  return {
    name: 'news-widgets-check-entries',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const isPublisherEntry = (chunk) => chunk.isEntry && !chunk.fileName.startsWith('chunks/');
      const entries = new Set(chunks.filter(isPublisherEntry).map((chunk) => chunk.fileName));
      for (const chunk of chunks) {
        if (isPublisherEntry(chunk) && Object.keys(chunk.modules).some((id) => !id.startsWith(STUB))) {
          this.error(`${chunk.fileName} holds modules besides its stub: ${Object.keys(chunk.modules).join(', ')}`);
        }
        const into = [...chunk.imports, ...chunk.dynamicImports].filter((name) => entries.has(name));
        if (into.length) this.error(`${chunk.fileName} imports the entry ${into.join(', ')}`);
      }
    },
  };
}

/**
 * dist/cdn/chunks.json: for each entry, the chunks it imports at once (`static`, already hinted
 * by the entry's own imports) and the ones it may import later (`lazy`, by the module that asks
 * for them, with their own static imports), so a page or server can add
 * `<link rel="modulepreload" href="/cdn/chunks/…">` for what it knows it will need.
 */
function chunkManifest() {
  return {
    name: 'news-widgets-chunk-manifest',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((file) => file.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const closure = (name, seen = new Set()) => {
        if (seen.has(name)) return seen;
        seen.add(name);
        for (const next of chunks.get(name).imports) closure(next, seen);
        return seen;
      };
      const relative = (id) => id.slice(ROOT.length).replaceAll('\\', '/');
      const manifest = {};
      for (const chunk of chunks.values()) {
        if (!chunk.isEntry || chunk.fileName.startsWith('chunks/')) continue;
        const eager = closure(chunk.fileName);
        const lazy = {};
        const queue = [...eager];
        const visited = new Set(eager);
        while (queue.length) {
          for (const name of chunks.get(queue.shift()).dynamicImports) {
            if (visited.has(name)) continue;
            visited.add(name);
            queue.push(name);
            const target = chunks.get(name);
            const module = target.facadeModuleId ? relative(target.facadeModuleId) : name;
            lazy[module] = [...closure(name)].filter((file) => !eager.has(file));
          }
        }
        eager.delete(chunk.fileName);
        manifest[chunk.fileName] = { static: [...eager], lazy };
      }
      this.emitFile({ type: 'asset', fileName: 'chunks.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

export default [
  {
    input: NPM_ENTRIES,
    external: [/^lit(\/|$)/, /^@lit\//, /^dompurify(\/|$)/],
    plugins: [compile(false)],
    onwarn,
    output: {
      dir: 'dist',
      format: 'esm',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
  },
  {
    // Publisher entries are stubs. The desk, which no other entry includes, also gets an internal
    // entry in chunks/, so its code is in a chunk rather than in news-moderation.js.
    input: {
      ...Object.fromEntries(Object.entries(CDN_ENTRIES).map(([name, path]) => [name, `${STUB}${path}`])),
      'chunks/news-moderation': CDN_ENTRIES['news-moderation'],
    },
    // The stubs' exports are the widgets' public API; nothing else may be added to an entry.
    preserveEntrySignatures: 'strict',
    plugins: [
      entryStubs(),
      bundledResolve(),
      minifyTemplates(),
      compile(true),
      parallelLazyImports(),
      checkEntries(),
      chunkManifest(),
      asciiOnly(),
    ],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'esm',
      entryFileNames: (chunk) => (chunk.name.startsWith('chunks/') ? '[name]-[hash].js' : '[name].js'),
      chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
      manualChunks,
      experimentalMinChunkSize: 0,
    },
  },
  {
    input: 'src/index.ts',
    plugins: [bundledResolve(), minifyTemplates(), compile(true), asciiOnly()],
    onwarn,
    output: { file: 'dist/cdn/news-widgets.iife.js', format: 'iife', name: 'NewsWidgets', inlineDynamicImports: true },
  },
];
