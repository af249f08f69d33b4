/**
 * An API on another origin that refuses this page, as a publisher meets it with `ALLOWED_ORIGINS`
 * unset: the same real test server under the test server's other host name (127.0.0.1 vs
 * localhost). Its apps allow no origin, so the browser's CORS check fails every request while the
 * browser is online. `sameOrigin` is the same API (same database) as this page reaches it.
 */
export function refusingApi(): { base: string; sameOrigin: string } {
  const name = `x${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return {
    base: `${location.protocol}//${other}:${location.port}/__api/${name}`,
    sameOrigin: `${location.origin}/__api/${name}`,
  };
}

/** Records the kit's own `console.warn` messages (those starting with "news-widgets:") during each test. */
export function spyKitWarnings(): () => string[] {
  let warnings: string[] = [];
  let original: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    original = console.warn;
    console.warn = (...args: unknown[]) => {
      const message = args.map(String).join(' ');
      if (message.startsWith('news-widgets:')) warnings.push(message);
      else original.apply(console, args);
    };
  });
  afterEach(() => {
    console.warn = original;
  });
  return () => warnings;
}
