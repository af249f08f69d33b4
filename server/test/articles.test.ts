import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeCtx, TOKEN } from './helpers.ts';
import { terms, foldVietnamese } from '../vi.ts';

const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * Hand-labelled topics of the seeded demo feed. For every article in a cluster, its top 3
 * related articles must all come from the same cluster.
 */
const CLUSTERS: Record<string, string[]> = {
  'an ninh trật tự ở nông thôn mới': [
    'an-ninh-nong-thon-moi-2026',
    'camera-an-ninh-thon-xom',
    'cong-an-xa-chinh-quy',
    'to-tu-quan-an-ninh',
    'tieu-chi-an-ninh-nong-thon-moi',
  ],
  'mưa lũ Thanh Hóa': [
    'thanh-hoa-mua-lu-ngap-lut',
    'thanh-hoa-so-tan-dan',
    'ho-tro-vung-lu-thanh-hoa',
    'thanh-hoa-khoi-phuc-giao-thong-sau-lu',
  ],
  'trường học': [
    'truong-hoc-dat-chuan-quoc-gia',
    'thieu-giao-vien-mam-non',
    'xay-phong-hoc-vung-cao',
    'an-toan-hoc-sinh-den-truong',
  ],
  'lúa gạo, thu hoạch': [
    'thu-hoach-lua-mua',
    'co-gioi-hoa-thu-hoach-lua',
    'lien-ket-tieu-thu-lua-gao',
    'giong-lua-chat-luong-cao',
  ],
  'bóng đá': [
    'dong-a-thanh-hoa-thang-nguoc',
    'doi-tuyen-viet-nam-hoi-quan',
    'giai-bong-da-thieu-nien',
    'v-league-cuoc-dua-tru-hang',
  ],
};

test('ranking quality: on the seeded set, each clustered article’s top 3 related are on-topic', async () => {
  const c = await makeCtx({}, { seed: true });
  const failures: string[] = [];
  for (const [topic, ids] of Object.entries(CLUSTERS)) {
    for (const id of ids) {
      const r = await c.req(`/api/articles/${id}/related?limit=3`);
      assert.equal(r.status, 200);
      const got = (await r.json()).items.map((i: { id: string }) => i.id) as string[];
      assert.equal(got.length, 3);
      const off = got.filter((g) => !ids.includes(g));
      if (off.length) failures.push(`${topic}: ${id} → ${got.join(', ')}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('related never includes the article itself; by URL works; editor pins go first', async () => {
  const c = await makeCtx({}, { seed: true });
  const demoUrl = 'https://tinhnha.example/an-ninh-trat-tu/an-ninh-nong-thon-moi-2026.html';
  const byUrl = await (
    await c.req(`/api/related?url=${encodeURIComponent(demoUrl + '?utm_source=x#top')}&limit=20`)
  ).json();
  assert.ok(byUrl.items.length > 3);
  assert.ok(
    !byUrl.items.some((i: { id: string; url: string }) => i.id === 'an-ninh-nong-thon-moi-2026' || i.url === demoUrl),
  );
  assert.ok(byUrl.generatedAt);
  const first = byUrl.items[0];
  for (const k of ['url', 'title', 'id']) assert.ok(k in first, k);
  assert.ok(!('tags' in first));
  // Pin a football article: it goes first, then the ranked list, without duplicates.
  const art = (await c.storage.articles.get('an-ninh-nong-thon-moi-2026'))!;
  const r = await c.req('/api/articles', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...art,
      pinned: ['giai-bong-da-thieu-nien', 'camera-an-ninh-thon-xom', 'an-ninh-nong-thon-moi-2026'],
    }),
  });
  assert.equal(r.status, 200);
  const pinned = (await (await c.req('/api/articles/an-ninh-nong-thon-moi-2026/related?limit=4')).json()).items.map(
    (i: { id: string }) => i.id,
  );
  assert.deepEqual(pinned.slice(0, 2), ['giai-bong-da-thieu-nien', 'camera-an-ninh-thon-xom']);
  assert.equal(new Set(pinned).size, 4);
  assert.ok(!pinned.includes('an-ninh-nong-thon-moi-2026'));
  assert.equal((await c.req('/api/related?url=https%3A%2F%2Ftinhnha.example%2Fkhong-co.html')).status, 404);
  assert.equal((await c.req('/api/related?url=javascript%3Aalert(1)')).status, 400);
  assert.equal((await c.req('/api/articles/khong-co/related')).status, 404);
});

test('Vietnamese folding: diacritics and đ ignored, bigrams, stop words', async () => {
  assert.equal(foldVietnamese('Thanh Hóa, Đông Á, ĐỒNG'), 'thanh hoa, dong a, dong');
  assert.deepEqual(terms('Giữ vững an ninh ở các xã nông thôn mới'), [
    'giu',
    'vung',
    'giu_vung',
    'an',
    'vung_an',
    'ninh',
    'an_ninh',
    'xa',
    'nong',
    'xa_nong',
    'thon',
    'nong_thon',
    'moi',
    'thon_moi',
  ]);
  const c = await makeCtx({}, { seed: true });
  const hits = (await (await c.req('/api/articles?q=thanh%20hoa&limit=4')).json()).items.map(
    (i: { title: string }) => i.title,
  );
  assert.equal(hits.length, 4);
  for (const t of hits) assert.match(t, /Thanh Hóa/);
  // đ→d: "dong" finds "Đông Á Thanh Hóa" and "nhi đồng".
  const dj = (
    await (await c.req(`/api/articles?q=${encodeURIComponent('dong a thanh hoa')}&limit=2`)).json()
  ).items.map((i: { id: string }) => i.id);
  assert.ok(dj.includes('dong-a-thanh-hoa-thang-nguoc'), dj.join());
  const d = (await (await c.req('/api/articles?q=dong&limit=10')).json()).items.map(
    (i: { title: string; summary: string }) => i.title + ' ' + i.summary,
  );
  assert.ok(d.length >= 2);
  for (const t of d) assert.match(t, /[đĐ][oóòỏõọôốồổỗộơớờởỡợ]ng/);
  // "nông thôn" as a phrase: the articles containing the bigram outrank ones with only "nông".
  const nt = (await (await c.req(`/api/articles?q=${encodeURIComponent('nông thôn')}&limit=5`)).json()).items.map(
    (i: { id: string }) => i.id,
  );
  for (const id of nt) assert.ok(CLUSTERS['an ninh trật tự ở nông thôn mới']!.includes(id), id);
});

test('POST /api/articles upserts one or many, all or nothing; GET lists with cursor', async () => {
  const c = await makeCtx();
  const post = (body: unknown) =>
    c.req('/api/articles', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const one = await post({
    id: 'a-1',
    url: 'https://bao.example/a-1.html',
    title: 'Tin một',
    publishedAt: '2026-11-01T00:00:00Z',
    tags: ['x'],
  });
  assert.deepEqual(await one.json(), { upserted: 1, ids: ['a-1'] });
  const many = await post([
    {
      id: 'a-2',
      url: 'https://bao.example/a-2.html',
      title: 'Tin hai',
      publishedAt: '2026-11-02T00:00:00+07:00',
      section: 'Kinh tế',
      image: 'https://img.example/2.jpg',
    },
    { id: 'a-1', url: 'https://bao.example/a-1.html', title: 'Tin một (sửa)', publishedAt: '2026-11-01T00:00:00Z' },
    { id: 'a/3', url: 'https://bao.example/a-3.html', title: 'Tin ba' },
  ]);
  assert.deepEqual(await many.json(), { upserted: 3, ids: ['a-2', 'a-1', 'a/3'] });
  assert.equal((await c.storage.articles.get('a-1'))!.title, 'Tin một (sửa)');
  // Invalid items: 400, nothing written (not even the valid ones before them).
  for (const bad of [
    [
      { id: 'ok-1', url: 'https://bao.example/ok-1.html', title: 'ok' },
      { id: 'x', url: 'ftp://x', title: 't' },
    ],
    { id: 'có dấu', url: 'https://bao.example/z', title: 't' },
    { id: 'z', url: 'https://bao.example/z', title: '' },
    { id: 'z', url: 'https://bao.example/z', title: 't', publishedAt: 'hôm qua' },
    { id: 'z', url: 'https://bao.example/z', title: 't', image: 'javascript:alert(1)' },
    [],
    'x',
  ]) {
    const r = await post(bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
  }
  const clash = await post([
    { id: 'ok-2', url: 'https://bao.example/ok-2.html', title: 'ok' },
    { id: 'a-9', url: 'https://bao.example/a-2.html', title: 'x' },
  ]);
  assert.equal(clash.status, 409);
  assert.equal((await clash.json()).error.field, 'url');
  assert.equal(await c.storage.articles.count(), 3);
  const p1 = await (await c.req('/api/articles?limit=2')).json();
  assert.deepEqual(
    p1.items.map((i: { id: string }) => i.id),
    ['a-2', 'a-1'],
  );
  assert.equal(p1.items[0].publishedAt, '2026-11-01T17:00:00.000Z');
  const p2 = await (await c.req(`/api/articles?limit=2&cursor=${p1.nextCursor}`)).json();
  assert.deepEqual(
    p2.items.map((i: { id: string }) => i.id),
    ['a/3'],
  );
  assert.equal(p2.nextCursor, null);
  assert.equal((await (await c.req(`/api/articles/${encodeURIComponent('a/3')}`)).json()).title, 'Tin ba');
});
