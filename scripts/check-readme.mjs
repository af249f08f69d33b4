// `npm run check:readme` (part of `npm run check`): the README's TypeScript examples compile as a
// reader would compile them, under the project's own strict options (noUnusedLocals included).
// Each ```ts block of README.md becomes a module that imports `news-widgets/…`, resolved to
// src/ (the same exports package.json gives dist/), so the check needs no build.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
if (!blocks.length) {
  console.error('check-readme: no ```ts block in README.md');
  process.exit(1);
}

const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
Object.assign(options, {
  noEmit: true,
  declaration: false,
  rootDir: undefined,
  paths: { 'news-widgets': [join(ROOT, 'src/index.ts')], 'news-widgets/*': [join(ROOT, 'src/*/index.ts')] },
});

// The examples live in memory beside the README; everything else is read from disk.
const examples = new Map(blocks.map((code, i) => [join(ROOT, `README.example-${i + 1}.ts`), code]));
const host = ts.createCompilerHost(options);
const readFile = host.readFile.bind(host);
const fileExists = host.fileExists.bind(host);
const getSourceFile = host.getSourceFile.bind(host);
host.readFile = (file) => examples.get(resolve(file)) ?? readFile(file);
host.fileExists = (file) => examples.has(resolve(file)) || fileExists(file);
host.getSourceFile = (file, language, ...rest) =>
  examples.has(resolve(file))
    ? ts.createSourceFile(file, examples.get(resolve(file)), language, true)
    : getSourceFile(file, language, ...rest);

const program = ts.createProgram([...examples.keys()], options, host);
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length) {
  console.error(
    ts.formatDiagnostics(diagnostics, {
      getCanonicalFileName: (file) => file,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    }),
  );
  console.error(`check-readme: README.md's TypeScript examples do not compile (${diagnostics.length} errors).`);
  process.exit(1);
}
console.log(`check-readme: ${blocks.length} TypeScript example(s) of README.md compile.`);
