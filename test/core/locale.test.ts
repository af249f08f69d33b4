import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  format,
  LocaleController,
  plural,
  registerTranslation,
  resolveLocale,
  translate,
  type Localized,
} from '../../src/core/locale.js';
import * as en from '../../src/translations/en.js';
import * as vi from '../../src/translations/vi.js';

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
    await waitUntil(() => probe.shadowRoot!.textContent === 'en', 'no re-render after the lang change');
  });

  it('merges overrides, formats placeholders and plurals', () => {
    const related: Localized<'related'> = { section: 'related', vi: vi.related, en: en.related };
    expect(translate(related, 'en', { heading: 'Read on' })).to.deep.equal({ ...en.related, heading: 'Read on' });
    expect(translate(related, 'vi')).to.equal(vi.related);
    expect(format('{name} - {time}', { name: 'Hà Phương', time: '5 phút trước' })).to.equal('Hà Phương - 5 phút trước');
    expect(format('{missing}', {})).to.equal('{missing}');
    const forms = { one: '{count} comment', other: '{count} comments' };
    expect(plural('en', 1, forms)).to.equal('1 comment');
    expect(plural('en', 1200, forms)).to.equal('1,200 comments');
    expect(plural('vi', 1200, { one: '{count} bình luận', other: '{count} bình luận' })).to.equal('1.200 bình luận');
  });

  it('uses a registered language, falling back to English for the sections it leaves out', async () => {
    const share: Localized<'share'> = { section: 'share', vi: vi.share, en: en.share };
    const related: Localized<'related'> = { section: 'related', vi: vi.related, en: en.related };
    document.documentElement.setAttribute('lang', 'vi');
    const el = await fixture(html`<div lang="fr-FR"><span></span></div>`);
    expect(resolveLocale(el.firstElementChild!).language).to.equal('vi');
    registerTranslation({ $code: 'fr', $name: 'Français', share: { ...en.share, heading: 'Partagez !' } });
    expect(resolveLocale(el.firstElementChild!)).to.deep.equal({ language: 'fr', tag: 'fr-FR' });
    expect(translate(share, 'fr').heading).to.equal('Partagez !');
    expect(translate(related, 'fr')).to.deep.equal(en.related);
  });

  it('ships the same keys in every language file', () => {
    for (const section of ['related', 'mostRead', 'share', 'comments', 'moderation'] as const)
      expect(Object.keys(en[section]).sort(), section).to.deep.equal(Object.keys(vi[section]).sort());
  });
});
