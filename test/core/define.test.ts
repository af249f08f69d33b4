import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/core/define.js';

describe('defineElement (deprecated: use Class.define)', () => {
  it('defines once and never throws on a second definition of the tag', () => {
    class First extends HTMLElement {}
    class Second extends HTMLElement {}
    defineElement('test-define-twice', First);
    expect(() => defineElement('test-define-twice', Second)).not.to.throw();
    expect(customElements.get('test-define-twice')).to.equal(First);
  });

  it('reports a developer error (one constructor under two tags), as Class.define does', () => {
    class Shared extends HTMLElement {}
    defineElement('test-define-a', Shared);
    expect(() => defineElement('test-define-b', Shared)).to.throw();
  });
});
