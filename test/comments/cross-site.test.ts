/**
 * Issue 12, finding 4, from a real browser: a page of another site posting through its
 * visitors' browsers. The page here is on one origin (localhost or 127.0.0.1) and the API is
 * reached through the other name of the same server, so the browser treats it as another site
 * and sends its real `Origin`, as an attacker's page would.
 */
import { expect } from '@open-wc/testing';
import { ServerApi } from '../support/server-api.js';

describe('cross-site posting (the real server, a real browser)', () => {
  const otherHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  let api: ServerApi;
  let crossSiteBase: string;
  beforeEach(() => {
    api = new ServerApi();
    const url = new URL(api.base);
    url.hostname = otherHost;
    crossSiteBase = url.href;
  });

  const comment = JSON.stringify({ name: 'Kẻ giả mạo', body: 'Quảng cáo gửi từ trang khác' });

  it('a no-cors text/plain post from another site stores nothing', async () => {
    // The attack: no preflight is needed for a "simple" request; the answer is opaque.
    const response = await fetch(`${crossSiteBase}/threads/bai-viet/comments`, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: comment,
    });
    expect(response.type).to.equal('opaque');
    expect(await api.pending()).to.deep.equal([]);
  });

  it('a JSON post from another site is stopped by the browser (no CORS) and by the server', async () => {
    let failed = false;
    try {
      await fetch(`${crossSiteBase}/threads/bai-viet/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: comment,
      });
    } catch {
      failed = true; // the preflight is refused: the browser never sends the post
    }
    expect(failed).to.equal(true);
    expect(await api.pending()).to.deep.equal([]);
  });

  it('the same post from the API’s own origin is accepted', async () => {
    const { status } = await api.post('bai-viet', { name: 'Bạn đọc', body: 'Bài hay' });
    expect(status).to.equal(202);
    expect((await api.pending()).map((c) => c.name)).to.deep.equal(['Bạn đọc']);
  });
});
