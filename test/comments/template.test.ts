/* eslint-disable lit-a11y/alt-text, lit-a11y/anchor-is-valid -- the template is hostile on purpose */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import '../../src/comments/index.js';
import type { NewsCommentList } from '../../src/comments/news-comment-list.js';
import type { NewsComments } from '../../src/comments/news-comments.js';
import { $, articles, loaded, newThread, text, useServer } from './helpers.js';

describe('publisher <template data-part="comment">', () => {
  const api = useServer();

  it('fills {name}, {time}, {body} and {replies} in text, keeping the template layout', async () => {
    const t = newThread();
    const top = await api().approved(t, { name: 'Minh', body: 'Gốc https://vnexpress.net/x' });
    await api().approved(t, { name: 'Lan', body: 'Trả lời', parentId: top });
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${t} api=${api().base}>
        <template data-part="comment"
          ><div class="c">
            <p class="meta"><strong>{name}</strong> - <small>{time}</small></p>
            <div class="b">{body}</div>
            <section class="r">{replies}</section>
          </div></template
        >
      </news-comment-list>`,
    );
    await loaded(el);
    await waitUntil(() => !!articles(el)[0].querySelector('.c'));
    const [first, second] = articles(el);
    expect(first.getAttribute('part')).to.equal('comment');
    expect(first.querySelector('.meta strong')!.textContent).to.equal('Minh');
    const time = first.querySelector('.meta small time[part~="comment-time"]')!;
    expect(Date.parse(time.getAttribute('datetime')!)).to.be.closeTo(Date.now(), 60_000);
    expect(text(time)).to.equal('bây giờ');
    expect(first.querySelector('.b [part~="comment-body"]')!.textContent).to.equal('Gốc https://vnexpress.net/x');
    expect(first.querySelector('.b a')!.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(second.parentElement!.closest('section.r')).to.equal(first.querySelector('section.r'));
    expect(second.querySelector('.meta strong')!.textContent).to.equal('Lan');
    // The reply button is still there, after the template.
    expect(text(first.querySelector('[part~="reply-button"]'))).to.equal('Trả lời');
    await expect(el).to.be.accessible();
  });

  it('never fills attributes, inserts values as text only, and sanitizes the template', async () => {
    const t = newThread();
    await api().approved(t, {
      name: '{body} <img src=x onerror="window.__tplXss=1">',
      body: '{name}</p><script>window.__tplXss=2</script>',
    });
    const el = await fixture<NewsCommentList>(
      html`<news-comment-list thread=${t} api=${api().base}>
        <template data-part="comment"
          ><div class="c {name}" title="{name}" onclick="window.__tplXss=3">
            <img src="x" onerror="window.__tplXss=4" />
            <script>
              window.__tplXss = 5;
            </script>
            <a href="javascript:window.__tplXss=6">{name}</a><span class="n">{name}</span>|<span class="b">{body}</span
            ><style>
              * {
                display: none;
              }
            </style>
          </div></template
        >
      </news-comment-list>`,
    );
    await loaded(el);
    await waitUntil(() => !!articles(el)[0].querySelector('.c'));
    const c = articles(el)[0].querySelector<HTMLElement>('.c')!;
    expect(c.getAttribute('class')).to.equal('c {name}');
    expect(c.hasAttribute('title')).to.equal(false);
    expect(c.hasAttribute('onclick')).to.equal(false);
    expect(c.querySelector('img, script, a, style')).to.equal(null);
    expect(c.querySelector('.n')!.textContent).to.equal('{body} <img src=x onerror="window.__tplXss=1">');
    expect(c.querySelector('.n')!.children).to.have.length(0);
    expect(c.querySelector('.b')!.textContent).to.equal('{name}</p><script>window.__tplXss=2</script>');
    expect((window as unknown as { __tplXss?: number }).__tplXss).to.equal(undefined);
  });

  it('passes a <news-comments> template child down to the list', async () => {
    const t = newThread();
    await api().approved(t, { name: 'Hoa', body: 'x' });
    const el = await fixture<NewsComments>(
      html`<news-comments thread=${t} api=${api().base} loading="eager">
        <template data-part="comment"
          ><div class="mine">
            {name} · {time}
            <div>{body}</div>
            {replies}
          </div></template
        >
      </news-comments>`,
    );
    const list = $<NewsCommentList>(el, 'news-comment-list')!;
    await loaded(list);
    await waitUntil(() => !!articles(list)[0]?.querySelector('.mine'));
    // {name} became a text node of its own, inside the publisher's layout.
    const mine = articles(list)[0].querySelector('.mine')!;
    expect(
      [...mine.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent === 'Hoa'),
    ).to.equal(true);
    expect(text(mine)).to.match(/^Hoa · /);
  });
});
