import { expect } from '@open-wc/testing';
import { ServerApi } from './server-api.js';

// The mounted server itself: a fresh database per ServerApi, the real moderation flow, faults.
describe('the real server mounted in the test runner', () => {
  it('stores, moderates and serves a comment in its own database', async () => {
    const api = new ServerApi();
    const posted = await api.post('bai-1', { name: 'Lan', body: 'Cảm ơn tác giả.' });
    expect(posted.status).to.equal(202);
    expect((await api.pending()).map((c) => c.body)).to.deep.equal(['Cảm ơn tác giả.']);
    await api.approve(posted.json.id!);
    const page = await (await fetch(`${api.base}/threads/bai-1/comments`)).json();
    expect(page.thread.count).to.equal(1);
    expect(page.items[0].name).to.equal('Lan');
    expect(await new ServerApi().pending()).to.deep.equal([]);
  });

  it('answers the injected faults, then recovers', async () => {
    const api = new ServerApi();
    await api.fault({ kind: 'status', status: 503, times: 1 });
    expect((await fetch(`${api.base}/counts?threads=a`)).status).to.equal(503);
    expect((await fetch(`${api.base}/counts?threads=a`)).status).to.equal(200);
    await api.fault({ kind: 'network', path: '/counts' });
    let error: unknown;
    await fetch(`${api.base}/counts?threads=a`).catch((e) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    await api.clearFaults();
    expect(await (await fetch(`${api.base}/counts?threads=a`)).json()).to.deep.equal({ a: 0 });
  });

  it("makes editor accounts with the server's own code and signs this page in to the desk API", async () => {
    const api = new ServerApi();
    const session = () => fetch(`${api.base}/moderation/session`).then((r) => r.json());
    expect(await session()).to.deep.equal({ signedIn: false, name: null });
    const { name, secret } = await api.signIn('Minh Anh');
    expect([name, secret.length]).to.deep.equal(['Minh Anh', 32]);
    expect(await session()).to.deep.equal({ signedIn: true, name: 'Minh Anh' });
    // The session is this API's: another API (another database) does not know it.
    expect(await fetch(`${new ServerApi().base}/moderation/session`).then((r) => r.json())).to.deep.equal({
      signedIn: false,
      name: null,
    });
    expect((await fetch(`${api.base}/moderation/queue`)).status).to.equal(200);
  });
});
