/** The change feed of a single process (SQLite): live topics are announced in process. */
import type { ChangeFeed } from '../domain.ts';

export class LocalChangeFeed implements ChangeFeed {
  private readonly handlers: ((topic?: string) => void)[] = [];

  publish(topic?: string): void {
    queueMicrotask(() => {
      for (const h of this.handlers) h(topic);
    });
  }

  subscribe(onChange: (topic?: string) => void): void {
    this.handlers.push(onChange);
  }
}
