import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Becomes `near` once the host comes within about one viewport of being seen, then stops
 * watching. Widgets start fetching only then, so a box at the foot of a long article costs
 * nothing until the reader scrolls toward it.
 */
export class NearViewportController implements ReactiveController {
  near = false;
  private observer?: IntersectionObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly rootMargin = '100% 0px 100% 0px',
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.near) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.markNear();
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.markNear();
      },
      { rootMargin: this.rootMargin },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Skips the wait, for `loading="eager"`. */
  markNear(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.near) return;
    this.near = true;
    this.host.requestUpdate();
  }
}
