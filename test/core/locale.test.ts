import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { format, LocaleController, messagesFor, plural, resolveLocale } from '../../src/core/locale.js';

class LocaleProbe extends LitElement {
  locale = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<span>${this.locale.language}</span>`;
  }
}
customElements.define('test-locale-probe', LocaleProbe);

describe('locale', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('takes the nearest [lang], then <html lang>', async () => {
    document.documentElement.setAttribute('lang', 'en-GB');
    const wrapper = await fixture(
      html`<div lang="vi">
        <p><span id="inner"></span></p>
      </div>`,
    );
    expect(resolveLocale(wrapper.querySelector('#inner')!)).to.deep.equal({ language: 'vi', tag: 'vi' });
    const outside = await fixture(html`<span></span>`);
    expect(resolveLocale(outside)).to.deep.equal({ language: 'en', tag: 'en-GB' });
  });

  it('skips languages it has no strings for', async () => {
    document.documentElement.setAttribute('lang', 'vi-VN');
    const el = await fixture(html`<div lang="fr"><span></span></div>`);
    expect(resolveLocale(el.firstElementChild!).language).to.equal('vi');
  });

  it('looks through shadow roots', async () => {
    const host = await fixture(html`<div lang="vi"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(resolveLocale(inner).language).to.equal('vi');
  });

  it('re-renders a widget when a lang attribute changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="vi"><test-locale-probe></test-locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('test-locale-probe')!;
    expect(probe.shadowRoot!.textContent).to.equal('vi');
    wrapper.setAttribute('lang', 'en');
    await new Promise((resolve) => setTimeout(resolve));
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.equal('en');
  });

  it('merges overrides, formats placeholders and plurals', () => {
    const catalog = { vi: { a: 'Một', b: 'Hai' }, en: { a: 'One', b: 'Two' } };
    expect(messagesFor(catalog, 'en', { b: 'Deux' })).to.deep.equal({ a: 'One', b: 'Deux' });
    expect(format('{name} - {time}', { name: 'Hà Phương', time: '5 phút trước' })).to.equal('Hà Phương - 5 phút trước');
    expect(format('{missing}', {})).to.equal('{missing}');
    const forms = { one: '{count} comment', other: '{count} comments' };
    expect(plural('en', 1, forms)).to.equal('1 comment');
    expect(plural('en', 1200, forms)).to.equal('1,200 comments');
    expect(plural('vi', 1200, { one: '{count} bình luận', other: '{count} bình luận' })).to.equal('1.200 bình luận');
  });
});
