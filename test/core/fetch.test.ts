import { expect } from '@open-wc/testing';
import { NewsError } from '../../src/core/events.js';
import { fetchShared, request } from '../../src/core/fetch.js';

const unique = () => `k${Math.random().toString(36).slice(2)}`;
const count = async (key: string) => (await (await fetch(`/__fixture/count?key=${key}`)).json()).count as number;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('fetchShared', () => {
  it('shares one request between callers of the same URL', async () => {
    const key = unique();
    const url = `/__fixture/counted?key=${key}&delay=200&then=/test/fixtures/feeds/daringfireball-2021-02-27.feed-1.1.json`;
    const [a, b, c] = await Promise.all([fetchShared(url), fetchShared(url), fetchShared(url)]);
    expect(a.bytes.byteLength).to.be.greaterThan(1000);
    expect(b.bytes).to.equal(a.bytes);
    expect(c.status).to.equal(200);
    expect(await count(key)).to.equal(1);
  });

  it('fails with reason `http` and the status for 404 and 500', async () => {
    for (const status of [404, 500]) {
      const error = (await rejection(fetchShared(`/__fixture/status/${status}?${unique()}`))) as NewsError;
      expect(error).to.be.instanceOf(NewsError);
      expect(error.reason).to.equal('http');
      expect(error.status).to.equal(status);
    }
  });

  it('fails with reason `timeout` after the time-out', async () => {
    const error = (await rejection(fetchShared(`/__fixture/delay/3000?${unique()}`, { timeout: 150 }))) as NewsError;
    expect(error.reason).to.equal('timeout');
  });

  it('fails with reason `network` when nothing answers', async () => {
    const error = (await rejection(fetchShared('http://127.0.0.1:9/feed.json', { timeout: 5000 }))) as NewsError;
    expect(error.reason).to.equal('network');
  });

  it("rethrows a caller's abort as an AbortError and leaves other callers served", async () => {
    const key = unique();
    const url = `/__fixture/counted?key=${key}&delay=300&then=/test/fixtures/feeds/hypercritical-2016-12-18.feed-1.0.json`;
    const controller = new AbortController();
    const first = fetchShared(url, { signal: controller.signal });
    const second = fetchShared(url);
    controller.abort();
    const error = (await rejection(first)) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect((await second).status).to.equal(200);
    expect(await count(key)).to.equal(1);
  });
});

describe('request', () => {
  it('passes method, headers and body through and returns the response', async () => {
    const response = await request('/__fixture/body?type=application/json&body=%7B%22ok%22%3Atrue%7D');
    expect(await response.json()).to.deep.equal({ ok: true });
  });

  it('maps failures like fetchShared', async () => {
    expect(((await rejection(request('/__fixture/status/503'))) as NewsError).status).to.equal(503);
    expect(((await rejection(request('/__fixture/delay/2000', {}, { timeout: 100 }))) as NewsError).reason).to.equal(
      'timeout',
    );
  });
});
