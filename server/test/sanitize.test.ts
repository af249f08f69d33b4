import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeHtml } from '../sanitize.ts';

// The one copy of the corpora, shared with the browser tests.
const dir = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'xss');
const payloads: string[] = [
  ...(JSON.parse(readFileSync(join(dir, 'dompurify-vectors.json'), 'utf8')) as { payload: string }[]).map(
    (v) => v.payload,
  ),
  ...readdirSync(dir)
    .filter((f) => f.startsWith('patt-'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.length > 0),
    ),
];

/** The only tags our output may contain, exactly as we write them. */
const OUR_TAG =
  /^<(?:\/?(?:p|b|strong|i|em|blockquote|a)|br|a href="https?:\/\/[^"<>]*" rel="nofollow ugc noopener")>$/;

function assertSafe(out: string, input: string) {
  for (const tag of out.match(/<[^>]*>?/g) ?? []) assert.match(tag, OUR_TAG, `input: ${input}\noutput: ${out}`);
  // Text never contains raw markup characters.
  const text = out.replace(/<[^>]*>/g, '');
  assert.doesNotMatch(text, /[<>"]/, `input: ${input}\noutput: ${out}`);
  for (const m of out.matchAll(/href="([^"]*)"/g)) assert.match(m[1]!, /^https?:\/\//i);
}

test(`hostile corpus (${payloads.length} payloads): only allow-listed markup survives`, () => {
  assert.ok(payloads.length > 500);
  for (const p of payloads) {
    const out = sanitizeHtml(p);
    assertSafe(out, p);
    // Idempotent: sanitizing the output changes nothing.
    assert.equal(sanitizeHtml(out), out, p);
  }
});

test('allow-list: p, br, b, strong, i, em, blockquote, a[href http(s)] with rel; everything else goes', () => {
  const cases: [string, string][] = [
    ['<p>Chào <b>bạn</b> <i>nhé</i><br/>dòng 2</p>', '<p>Chào <b>bạn</b> <i>nhé</i><br>dòng 2</p>'],
    ['<blockquote>Trích</blockquote>', '<blockquote>Trích</blockquote>'],
    ['<strong>Đậm</strong> <em>nghiêng</em>', '<strong>Đậm</strong> <em>nghiêng</em>'],
    [
      '<a href="https://tinhnha.example/a?x=1&amp;y=2" target=_blank onclick=x()>link</a>',
      '<a href="https://tinhnha.example/a?x=1&amp;y=2" rel="nofollow ugc noopener">link</a>',
    ],
    ['<A HREF="JaVaScRiPt:alert(1)">x</A>', '<a>x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<a href=//evil.example>x</a>', '<a>x</a>'],
    ['<b>không đóng', '<b>không đóng</b>'],
    ['</b>lạc</i>', 'lạc'],
    ['<script>alert(1)</script>ok', 'ok'],
    ['<style>*{}</style><img src=x onerror=alert(1)>ok', 'ok'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['a < b && c > d', 'a &lt; b &amp;&amp; c &gt; d'],
    ['<!-- c --><p>x</p>', '<p>x</p>'],
    ['<span style="color:red">đỏ</span>', 'đỏ'],
    [
      '<p><a href="https://a.example"><a href="https://b.example">lồng</a></a></p>',
      '<p><a href="https://a.example/" rel="nofollow ugc noopener">lồng</a></p>',
    ],
    ['&lt;script&gt;', '&lt;script&gt;'],
    ['&#60;img src=x&#62;', '&lt;img src=x&gt;'],
  ];
  for (const [input, expected] of cases) assert.equal(sanitizeHtml(input), expected, input);
});
