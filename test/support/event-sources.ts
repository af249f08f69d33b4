/**
 * Keeps a list of the EventSources a page opens (they stay the browser's own, connected to the
 * real server), so a test can wait for a stream to be open or check that one was closed.
 * Call inside a `describe`; every stream is closed after each test.
 */
export function watchEventSources(): () => EventSource[] {
  const opened: EventSource[] = [];
  const Native = window.EventSource;
  beforeEach(() => {
    opened.length = 0;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        opened.push(this);
      }
    };
  });
  afterEach(() => {
    for (const source of opened) source.close();
    window.EventSource = Native;
  });
  return () => opened;
}
