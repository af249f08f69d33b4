// Two kinds of output:
//  - dist/**: unbundled ESM for npm (one module per source file; lit, @lit/task and dompurify stay
//    dependencies), with .d.ts files from `tsc --emitDeclarationOnly` (scripts/build.mjs).
//  - dist/cdn/*: the publisher files with fixed names, minified, with Lit's production build, so
//    one <script> tag is all a CMS template needs. What a page needs only later (the feed parser,
//    DOMPurify, the comment form, share actions on interaction) sits in dist/cdn/chunks/ and loads
//    on demand; deploy that folder beside the files. The IIFE inlines everything.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCssTemplates } from './scripts/minify-css-templates.mjs';

const CDN_ENTRIES = {
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

const compile = (minify) => esbuild({ tsconfig: './tsconfig.json', target: 'es2021', minify, legalComments: 'none' });
const bundledResolve = () =>
  nodeResolve({ exportConditions: ['production', 'browser', 'module', 'import', 'default'], browser: true });
const onwarn = (warning, warn) => {
  // Lit's production build contains `this` at the top level of a few modules; harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

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
  ...Object.entries(CDN_ENTRIES).map(([name, input]) => ({
    input: { [name]: input },
    // Keeps each entry one file (no stub that imports a chunk): one request fewer before it runs.
    preserveEntrySignatures: 'allow-extension',
    plugins: [bundledResolve(), minifyCssTemplates(), compile(true)],
    onwarn,
    output: {
      dir: 'dist/cdn',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  })),
  {
    input: 'src/index.ts',
    plugins: [bundledResolve(), minifyCssTemplates(), compile(true)],
    onwarn,
    output: { file: 'dist/cdn/news-widgets.iife.js', format: 'iife', name: 'NewsWidgets', inlineDynamicImports: true },
  },
];
