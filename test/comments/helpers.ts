import { waitUntil } from '@open-wc/testing';
import { resetOutboxForTests, retryDelays } from '../../src/comments/outbox.js';
import { clearCommentStorage, FakeApi } from './fake-api.js';

let current: FakeApi | null = null;

/** A fresh fake API and empty storage for each test. */
export function useFakeApi(): () => FakeApi {
  beforeEach(() => {
    document.documentElement.lang = 'vi';
    clearCommentStorage();
    resetOutboxForTests();
    retryDelays.base = 1000;
    retryDelays.max = 30_000;
    current = new FakeApi().install();
  });
  afterEach(() => {
    current?.restore();
    current = null;
    resetOutboxForTests();
    clearCommentStorage();
  });
  return () => current!;
}

let unique = 0;
/** A thread id no other test used (counts are cached per page). */
export const newThread = (prefix = 't') => `${prefix}-${Date.now().toString(36)}-${++unique}`;

export const root = (el: Element) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Every comment article in a list, in DOM order, including nested ones. */
export const articles = (list: Element) => $$<HTMLElement>(list, 'article[part~="comment"]');

export async function loaded(list: Element): Promise<void> {
  await waitUntil(() => !!$(list, '[part~="list"], [part~="empty"], [part~="error"]'), 'list did not load', {
    timeout: 4000,
  });
}

/** The deepest active element, through shadow roots. */
export function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Types into a field the way a reader does (value + input event). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
