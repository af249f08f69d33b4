import { expect } from '@open-wc/testing';
import {
  emailShareUrl,
  facebookShareUrl,
  linkedinShareUrl,
  telegramShareUrl,
  whatsappShareUrl,
  withUtm,
  xShareUrl,
  zaloShareUrl,
} from '../../src/share/share-urls.js';

const URL_ = 'https://baomoi.example/thoi-su/bai-viet-123.html?id=7&q=a%20b#binh-luan';
const TITLE = 'Hà Nội: mưa lớn & ngập "nặng" 100%';
const E_URL = 'https%3A%2F%2Fbaomoi.example%2Fthoi-su%2Fbai-viet-123.html%3Fid%3D7%26q%3Da%2520b%23binh-luan';
const E_TITLE = 'H%C3%A0%20N%E1%BB%99i%3A%20m%C6%B0a%20l%E1%BB%9Bn%20%26%20ng%E1%BA%ADp%20%22n%E1%BA%B7ng%22%20100%25';

describe('share URL builders', () => {
  it('builds the exact share URL for every network', () => {
    expect(facebookShareUrl(URL_)).to.equal(`https://www.facebook.com/sharer/sharer.php?u=${E_URL}`);
    expect(xShareUrl(URL_, TITLE)).to.equal(`https://x.com/intent/post?url=${E_URL}&text=${E_TITLE}`);
    expect(linkedinShareUrl(URL_)).to.equal(`https://www.linkedin.com/sharing/share-offsite/?url=${E_URL}`);
    expect(telegramShareUrl(URL_, TITLE)).to.equal(`https://t.me/share/url?url=${E_URL}&text=${E_TITLE}`);
    expect(whatsappShareUrl(URL_, TITLE)).to.equal(`https://wa.me/?text=${E_TITLE}%20${E_URL}`);
    expect(emailShareUrl(URL_, TITLE)).to.equal(`mailto:?subject=${E_TITLE}&body=${E_TITLE}%0A${E_URL}`);
  });

  it('puts the URL in Zalo share_inline as base64 JSON, decodable back to the same URL', () => {
    const href = zaloShareUrl(URL_);
    expect(href.startsWith('https://sp.zalo.me/share_inline?d=')).to.equal(true);
    const d = new URL(href).searchParams.get('d')!;
    expect(JSON.parse(atob(d))).to.deep.equal({ url: URL_ });
    // base64 may contain + / =, which must be percent-encoded in the query.
    expect(href.slice('https://sp.zalo.me/share_inline?d='.length)).to.not.match(/[+/=]/);
  });

  it('encodes spaces as %20 and never +, in email and everywhere else', () => {
    const title = 'Tin nóng   hôm nay + thêm';
    for (const href of [
      emailShareUrl('https://a.example/x y', title),
      xShareUrl('https://a.example/', title),
      telegramShareUrl('https://a.example/', title),
      whatsappShareUrl('https://a.example/', title),
    ]) {
      expect(href).to.not.include(' ');
      expect(href.split('?')[1]).to.not.match(/\+/);
      expect(href).to.include('Tin%20n%C3%B3ng%20%20%20h%C3%B4m%20nay%20%2B%20th%C3%AAm');
    }
    expect(emailShareUrl('https://a.example/', 'A B')).to.equal(
      'mailto:?subject=A%20B&body=A%20B%0Ahttps%3A%2F%2Fa.example%2F',
    );
  });

  it('treats hostile titles as text inside the encoded URL', () => {
    const hostile = '"><script>alert(1)</script>';
    const href = xShareUrl('https://a.example/', hostile);
    expect(href).to.equal(
      'https://x.com/intent/post?url=https%3A%2F%2Fa.example%2F&text=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    );
    expect(href).to.not.match(/[<>"]/);
  });

  it('adds utm_source/utm_medium, keeping other parameters and the hash byte for byte', () => {
    expect(withUtm('https://a.example/p', 'zalo')).to.equal('https://a.example/p?utm_source=zalo&utm_medium=social');
    expect(withUtm(URL_, 'facebook')).to.equal(
      'https://baomoi.example/thoi-su/bai-viet-123.html?id=7&q=a%20b&utm_source=facebook&utm_medium=social#binh-luan',
    );
    expect(withUtm('https://a.example/?utm_source=newsletter&utm_medium=email&utm_campaign=c', 'x')).to.equal(
      'https://a.example/?utm_campaign=c&utm_source=x&utm_medium=social',
    );
  });
});
