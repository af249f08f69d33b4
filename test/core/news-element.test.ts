import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { customElement } from 'lit/decorators.js';
import { NewsElement } from '../../src/core/news-element.js';
import * as en from '../../src/translations/en.js';
import * as vi from '../../src/translations/vi.js';

@customElement('test-news-element')
class Probe extends NewsElement<'related'> {
  protected readonly localized = { section: 'related', vi: vi.related, en: en.related } as const;
  override render() {
    return html`<p>${this.strings.heading}</p>
      <p>${this.apiBase}</p>`;
  }
  fire(): boolean {
    return this.emit('news-close', { widget: this.localName }, { cancelable: true });
  }
}

describe('NewsElement', () => {
  it('renders its strings in the element language, with messages on top', async () => {
    const el = await fixture<Probe>(html`<test-news-element lang="en"></test-news-element>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Related news');
    el.lang = 'vi';
    await waitUntil(() => el.shadowRoot!.querySelector('p')!.textContent === 'Tin liên quan', 'Vietnamese heading');
    el.messages = { heading: 'Đọc tiếp' };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Đọc tiếp');
  });

  it('takes the API base from the property, the attribute, then the meta tag', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'news-widgets:api', content: '/from-meta/' });
    document.head.append(meta);
    try {
      const el = await fixture<Probe>(html`<test-news-element></test-news-element>`);
      expect(el.shadowRoot!.querySelectorAll('p')[1].textContent).to.equal(new URL('/from-meta', location.href).href);
      el.setAttribute('api', 'https://api.example/v1/');
      el.requestUpdate();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('p')[1].textContent).to.equal('https://api.example/v1');
      el.api = 'javascript:alert(1)';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('p')[1].textContent).to.equal('');
    } finally {
      meta.remove();
    }
  });

  it('fires typed, bubbling, composed events', async () => {
    const el = await fixture<Probe>(html`<test-news-element></test-news-element>`);
    let seen: Event | undefined;
    document.addEventListener('news-close', (event) => ((seen = event), event.preventDefault()), { once: true });
    expect(el.fire()).to.equal(false);
    expect(seen).to.include({ bubbles: true, composed: true });
    expect((seen as CustomEvent).detail).to.deep.equal({ widget: 'test-news-element' });
  });

  it('define() ignores a tag that is already defined and reports real errors', () => {
    class Other extends Probe {}
    expect(() => Other.define('test-news-element')).not.to.throw();
    expect(customElements.get('test-news-element')).to.equal(Probe);
    expect(() => Other.define('not a valid tag')).to.throw();
    Other.define('test-news-element-other');
    expect(customElements.get('test-news-element-other')).to.equal(Other);
  });
});
