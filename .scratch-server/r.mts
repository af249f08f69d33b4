import { Hono } from 'hono';
const app = new Hono();
app.get('/api/articles/:id{.+}/related', (c) => c.text('rel ' + c.req.param('id')));
app.get('/api/articles/:id{.+}', (c) => c.text('one ' + c.req.param('id')));
app.get('/api/threads/:thread{.+}/comments', (c) => c.text('thr ' + c.req.param('thread')));
for (const p of ['/api/articles/a1/related', '/api/articles/a%2F2/related', '/api/articles/a1', '/api/threads/a%2F2/comments', '/api/threads/a/b/comments', '/api/threads/x%252F/comments'])
  console.log(p, await (await app.request(p)).text());
