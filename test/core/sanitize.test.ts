import { expect, nextFrame } from '@open-wc/testing';
import { sanitizeToFragment, sanitizeToString } from '../../src/core/sanitize.js';
import { defuseInlineHandlers } from '../../src/core/trusted-types.js';

interface Vector {
  title: string | null;
  payload: string;
}

const flag = window as unknown as { __xss?: number; alert: unknown };

/** Nothing executable may survive: no script, no handlers, no non-http(s) URL. */
function expectInert(fragment: DocumentFragment) {
  const nodes = fragment.querySelectorAll('*');
  for (const node of Array.from(nodes)) {
    expect([
      'SCRIPT',
      'IFRAME',
      'OBJECT',
      'EMBED',
      'STYLE',
      'SVG',
      'MATH',
      'FORM',
      'BASE',
      'META',
      'LINK',
    ]).not.to.include(node.nodeName.toUpperCase());
    for (const attr of Array.from(node.attributes)) {
      expect(attr.name, `${node.nodeName} ${attr.name}`).not.to.match(/^on/i);
      expect(['src', 'srcdoc', 'formaction', 'action', 'style']).not.to.include(attr.name);
      if (attr.name === 'href') expect(attr.value).to.match(/^https?:\/\//i);
    }
  }
}

describe('sanitize', () => {
  it('keeps the comment allow-list and plain text', () => {
    const out = sanitizeToString(
      '<p>Chào <b>bạn</b><br><i>nghiêng</i> <a href="https://tinhnha.example/a">link</a></p><blockquote>trích</blockquote>',
      'comment',
    );
    expect(out).to.equal(
      '<p>Chào <b>bạn</b><br><i>nghiêng</i> <a href="https://tinhnha.example/a" rel="nofollow ugc noopener noreferrer" target="_blank">link</a></p><blockquote>trích</blockquote>',
    );
  });

  it('drops javascript: links in every disguise and unlisted tags', () => {
    const out = sanitizeToString(
      '<a href="JaVaScRiPt:alert(1)">a</a><a href="java&#x09;script:alert(1)">b</a><a href=" data:text/html,x">c</a><img src=x onerror=alert(1)><span style="color:red">d</span>',
      'comment',
    );
    expect(out).to.equal('<a>a</a><a>b</a><a>c</a>d');
  });

  it('the template profile keeps layout and parts, never links or handlers', () => {
    const out = sanitizeToString(
      '<article part="comment" class="c" onclick="x()"><strong>{name}</strong> - <time>{time}</time><a href="https://x.example">x</a><div>{body}</div></article>',
      'template',
    );
    expect(out).to.equal(
      '<article part="comment" class="c"><strong>{name}</strong> - <time>{time}</time>x<div>{body}</div></article>',
    );
  });

  it('neutralises all 223 DOMPurify vectors in both profiles without running anything', async () => {
    const vectors = (await (await fetch('/test/fixtures/xss/dompurify-vectors.json')).json()) as Vector[];
    expect(vectors).to.have.length(223);
    delete flag.__xss;
    for (const { payload } of vectors) {
      for (const profile of ['comment', 'template'] as const) {
        const fragment = sanitizeToFragment(payload, profile);
        expectInert(fragment);
        const host = document.createElement('div');
        host.append(fragment);
        document.body.append(host);
        host.remove();
      }
    }
    // Give any injected handler a rendering step to run in.
    await nextFrame();
    await nextFrame();
    expect(flag.__xss).to.equal(undefined);
  });

  it('neutralises the PayloadsAllTheThings lists', async () => {
    for (const file of [
      'patt-IntrudersXSS.txt',
      'patt-XSS_Polyglots.txt',
      'patt-RSNAKE_XSS.txt',
      'patt-BRUTELOGIC-XSS-STRINGS.txt',
    ]) {
      const lines = (await (await fetch(`/test/fixtures/xss/${file}`)).text()).split('\n').filter(Boolean);
      expect(lines.length).to.be.greaterThan(10);
      for (const line of lines) expectInert(sanitizeToFragment(line, 'comment'));
    }
  });
});

describe('defuseInlineHandlers', () => {
  it('renames only real on* attributes, never text inside attribute values', () => {
    expect(defuseInlineHandlers('<img src=x onerror=alert(1)>')).to.equal('<img src=x data-defused-onerror=alert(1)>');
    expect(defuseInlineHandlers('<a/onclick="x()" href="#">')).to.equal('<a/data-defused-onclick="x()" href="#">');
    expect(defuseInlineHandlers('<p title="a"onmouseover=\'y()\'>')).to.equal(
      '<p title="a"data-defused-onmouseover=\'y()\'>',
    );
    for (const intact of [
      '<a href="/tin/online=1 onload=2">Tin</a>',
      "<a href='/search?q= onclick=1'>Tìm</a>",
      '<a href=/tin/online=1>Tin</a>',
      '<p data-online="1" aria-controls="x">onclick=1 in text</p>',
    ])
      expect(defuseInlineHandlers(intact)).to.equal(intact);
  });

  it('keeps a URL containing "/online=" through the sanitizer', () => {
    const html = sanitizeToString('<p><a href="https://tin.example/tin/online=1">Trực tuyến</a></p>', 'comment');
    expect(html).to.contain('href="https://tin.example/tin/online=1"');
  });
});
