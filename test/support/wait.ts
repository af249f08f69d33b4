import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * `waitUntil` with room for the real server: on a loaded 2-core CI machine an answer can take
 * longer than @open-wc's 1 s default. A condition that never comes true still fails, after 5 s.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
