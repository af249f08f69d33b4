import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';

describe('defineElement', () => {
  it('defines once and never throws on a second definition', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('test-define-twice', First);
    expect(() => defineElement('test-define-twice', Second)).not.to.throw();
    expect(customElements.get('test-define-twice')).to.equal(First);
  });

  it('swallows a constructor already registered under another tag', () => {
    class Shared extends HTMLElement {}
    defineElement('test-define-a', Shared);
    expect(() => defineElement('test-define-b', Shared)).not.to.throw();
  });
});
