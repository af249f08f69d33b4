/**
 * What ships in dist/cdn (made by `npm run build`, which `npm test` runs first): the ES entries
 * and the IIFE, loaded cold in fresh pages from another origin than the page, as a publisher's
 * CDN serves them. Entries share their chunks, Lit loads once, an entry loaded under a second URL
 * runs no code twice, and no chunk imports an entry.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { readFile } from '@web/test-runner-commands';
import { ServerApi } from '../support/server-api.js';

interface PageWindow extends Window {
  __errors: string[];
  __done?: boolean;
  __same?: { element: boolean; entries: boolean };
  litHtmlVersions?: string[];
  litElementVersions?: string[];
}

interface Manifest {
  [entry: string]: { static: string[]; lazy: Record<string, string[]> };
}

// The test page is on one host name of the test server; the files come from the other.
const CDN = `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}/dist/cdn`;
const FEED = `${location.origin}/demo/feeds/tin-tuc.rss.xml`;

/** A fresh page (an iframe of this origin) with `head` and `body`, errors recorded from the start. */
async function openPage(head: string, body: string): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:2000px';
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
    <script>
      window.__errors = [];
      addEventListener('error', (e) => __errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
    </script>
    ${head}</head><body>${body}</body></html>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as PageWindow;
}

/** Every resource the page fetched whose URL path matches. */
const fetched = (win: Window, pattern: RegExp) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => pattern.test(path));

/** Text of an element and everything in its shadow roots. */
function deepText(root: Node): string {
  let text = '';
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    const shadow = (node as Element).shadowRoot;
    if (shadow) stack.push(shadow);
    stack.push(...Array.from(node.childNodes).filter((child) => child.nodeName !== 'TEMPLATE'));
  }
  return text;
}

const shadow = (win: Window, selector: string) => win.document.querySelector(selector)?.shadowRoot ?? null;
const shareRendered = (win: Window) => (shadow(win, 'news-share')?.querySelectorAll('a[href]').length ?? 0) > 0;
const relatedRendered = (win: Window) =>
  (shadow(win, 'news-related')?.querySelectorAll('[part~="item"]:not([part~="skeleton"])').length ?? 0) > 0;

async function manifest(): Promise<Manifest> {
  const response = await fetch(`${CDN}/chunks.json`);
  expect(response.ok, 'dist/cdn/chunks.json exists').to.equal(true);
  return (await response.json()) as Manifest;
}

/** The relative specifiers of every static and dynamic import in a built file. */
function importSpecifiers(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g))
    found.add(match[1]!);
  for (const match of code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) found.add(match[1]!);
  return [...found];
}

describe('dist/cdn from another origin', function () {
  this.timeout(60000);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('two per-widget files on one page share their chunks: Lit is fetched and run once', async () => {
    const win = await openPage(
      `<script type="module" src="${CDN}/news-share.js"></script>
       <script type="module" src="${CDN}/news-related.js"></script>`,
      `<news-share></news-share><news-related src="${FEED}" loading="eager"></news-related>`,
    );
    await waitUntil(() => shareRendered(win) && relatedRendered(win), 'share and related rendered', {
      timeout: 20000,
    });
    expect(fetched(win, /\/chunks\/lit-[^/]+\.js$/), 'requests for the Lit chunk').to.have.length(1);
    expect(win.litHtmlVersions, 'copies of lit-html that ran').to.have.length(1);
    expect(win.litElementVersions, 'copies of LitElement that ran').to.have.length(1);
    // Every chunk the page fetched, it fetched once, and they are the ones chunks.json lists.
    const chunks = fetched(win, /\/dist\/cdn\/chunks\//);
    expect(chunks.length, 'each chunk fetched once').to.equal(new Set(chunks).size);
    const listed = await manifest();
    const names = new Set(chunks.map((path) => path.replace(/^.*\/dist\/cdn\//, '')));
    const upFront = [...listed['news-share.js']!.static, ...listed['news-related.js']!.static];
    const later = [listed['news-share.js']!, listed['news-related.js']!].flatMap((entry) =>
      Object.values(entry.lazy).flat(),
    );
    for (const file of upFront) expect(names.has(file), `${file}, which chunks.json lists, was fetched`).to.equal(true);
    for (const file of names) expect([...upFront, ...later], `chunks.json lists ${file}`).to.include(file);
    expect(win.__errors).to.deep.equal([]);
  });

  it('an entry loaded again as ?v=2 runs no code twice and throws nothing; comments render', async () => {
    const api = new ServerApi();
    await api.approved('bai-1', { name: 'Nguyễn Văn A', body: 'Bình luận đầu tiên' });
    const win = await openPage(
      `<meta name="news-widgets:api" content="${api.base}">
       <script type="module" src="${CDN}/news-comments.js"></script>
       <script type="module" src="${CDN}/news-comments.js?v=2"></script>
       <script type="module">
         import * as first from '${CDN}/news-comments.js';
         import * as second from '${CDN}/news-comments.js?v=2';
         window.__same = {
           entries: first.NewsComments === second.NewsComments && first.NewsCommentCount === second.NewsCommentCount,
           element: customElements.get('news-comments') === first.NewsComments,
         };
         window.__done = true;
       </script>`,
      `<news-comments thread="bai-1" loading="eager"></news-comments>`,
    );
    await waitUntil(() => win.__done, 'both entries ran', { timeout: 20000 });
    expect(win.__same, 'both URLs export the very same classes').to.deep.equal({ entries: true, element: true });
    expect(fetched(win, /\/news-comments\.js$/), 'the entry under both URLs').to.have.length(2);
    expect(fetched(win, /\/chunks\/news-comments-[^/]+\.js$/), 'the comments code').to.have.length(1);
    expect(win.litHtmlVersions).to.have.length(1);
    const section = win.document.querySelector('news-comments')!;
    await waitUntil(() => deepText(section).includes('Bình luận đầu tiên'), 'the approved comment shows', {
      timeout: 20000,
    });
    expect(deepText(section)).to.contain('Nguyễn Văn A');
    expect(win.__errors).to.deep.equal([]);
  });

  it('the IIFE is one self-contained file: twice, beside an ES entry, it throws nothing and fetches no chunk', async () => {
    const api = new ServerApi();
    await api.approved('bai-2', { name: 'Trần Thị B', body: 'Đã đọc, cảm ơn' });
    const iifeOnly = await openPage(
      `<meta name="news-widgets:api" content="${api.base}">
       <script src="${CDN}/news-widgets.iife.js"></script>
       <script src="${CDN}/news-widgets.iife.js?again"></script>`,
      `<news-share></news-share><news-related src="${FEED}" loading="eager"></news-related>
       <news-comments thread="bai-2" loading="eager"></news-comments>`,
    );
    const section = iifeOnly.document.querySelector('news-comments')!;
    await waitUntil(
      () => shareRendered(iifeOnly) && relatedRendered(iifeOnly) && deepText(section).includes('Đã đọc, cảm ơn'),
      'every widget of the IIFE rendered',
      { timeout: 20000 },
    );
    expect(fetched(iifeOnly, /\/dist\/cdn\/chunks\//), 'chunks fetched by the IIFE').to.deep.equal([]);
    expect(iifeOnly.__errors).to.deep.equal([]);

    const mixed = await openPage(
      `<script src="${CDN}/news-widgets.iife.js"></script>
       <script type="module" src="${CDN}/news-share.js"></script>
       <script type="module" src="${CDN}/news-widgets.js"></script>`,
      `<news-share></news-share>`,
    );
    await waitUntil(() => shareRendered(mixed) && fetched(mixed, /\/news-widgets\.js$/).length === 1, 'loaded', {
      timeout: 20000,
    });
    // One Lit in the IIFE, one shared by both ES entries.
    await waitUntil(() => mixed.litHtmlVersions?.length === 2, 'the ES entries ran');
    for (const tag of ['news-related', 'news-most-read', 'news-share', 'news-comments', 'news-comment-count']) {
      expect(mixed.customElements.get(tag), tag).to.be.a('function');
    }
    expect(mixed.__errors).to.deep.equal([]);
  });

  it('the desk from news-moderation.js: signs in, shows the queue, fetches DOMPurify only for a formatted body', async () => {
    const api = new ServerApi();
    const { json } = await api.post('bai-3', { name: 'Lê Văn C', body: 'Chờ duyệt' });
    const formatted = await api.approved('bai-3', { name: 'Phạm Thị D', body: 'Đã duyệt' });
    const win = await openPage(
      `<script type="module" src="${CDN}/news-moderation.js"></script>`,
      `<news-moderation api="${api.base}"></news-moderation>`,
    );
    const desk = win.document.querySelector('news-moderation')!;
    const $ = <T extends Element>(selector: string) => desk.shadowRoot?.querySelector<T>(selector) ?? null;
    const items = () => [...(desk.shadowRoot?.querySelectorAll<HTMLElement>('article.item') ?? [])];
    const editor = await api.editor();
    await waitUntil(() => !!$('#secret'), 'sign-in form', { timeout: 20000 });
    $<HTMLInputElement>('#editor')!.value = editor.name;
    $<HTMLInputElement>('#secret')!.value = editor.secret;
    $<HTMLButtonElement>('form.signin button[type=submit]')!.click();
    await waitUntil(() => items().length === 1, 'pending queue', { timeout: 20000 });
    expect(items()[0]!.dataset.id).to.equal(json.id);
    expect(fetched(win, /\/chunks\/dompurify-/), 'DOMPurify before any formatted body').to.have.length(0);
    await api.approve(formatted, { bodyHtml: '<p>Đã <b>duyệt</b></p>' });
    $<HTMLButtonElement>('.tabs button[data-view=approved]')!.click();
    await waitUntil(() => !!items()[0]?.querySelector('.formatted .html b'), 'formatted preview', { timeout: 20000 });
    expect(fetched(win, /\/chunks\/dompurify-/), 'DOMPurify for the formatted body').to.have.length(1);
    expect(win.__errors).to.deep.equal([]);
  });

  it('entries only import chunks, and no chunk imports an entry', async () => {
    const listed = await manifest();
    const entries = Object.keys(listed);
    expect(entries).to.include.members([
      'news-widgets.js',
      'news-related.js',
      'news-most-read.js',
      'news-share.js',
      'news-comments.js',
      'news-moderation.js',
    ]);
    const chunks = new Set<string>();
    for (const entry of Object.values(listed)) {
      entry.static.forEach((file) => chunks.add(file));
      Object.values(entry.lazy).forEach((files) => files.forEach((file) => chunks.add(file)));
    }
    const seen = new Set<string>();
    // The bytes on disk: the test server would hand a fetch() of a .js file to its transforms.
    const read = async (file: string) => {
      const code = await readFile({ path: `../../dist/cdn/${file}` });
      expect(code, file).to.be.a('string');
      return code!;
    };
    for (const entry of entries) {
      const code = await read(entry);
      // A stub: nothing but imports of chunks and re-exports.
      const rest = code
        .replace(/import\s*(?:[\w*{}\s,$]+from\s*)?["'][^"']+["'];?/g, '')
        .replace(/export\s*\{[^}]*\}\s*(?:from\s*["'][^"']+["'])?;?/g, '')
        .trim();
      expect(rest, `${entry} holds code of its own`).to.equal('');
      for (const spec of importSpecifiers(code)) {
        expect(spec, `${entry} imports`).to.match(/^\.\/chunks\/[^/]+\.js$/);
        seen.add(spec.slice(2));
      }
    }
    for (const file of [...chunks, ...seen]) {
      for (const spec of importSpecifiers(await read(file))) {
        const target = new URL(spec, `${CDN}/${file}`).pathname;
        expect(target, `${file} imports ${spec}`).to.match(/\/dist\/cdn\/chunks\/[^/]+\.js$/);
        expect(chunks.has(target.replace(/^.*\/dist\/cdn\//, '')), `chunks.json lists ${target}`).to.equal(true);
      }
    }
  });
});
