import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ModerationBan } from '../core/contract.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import { statusOf, type DeskCall } from './desk-api.js';
import { moderationStyles } from './news-moderation.styles.js';
import { panelStyles } from './news-moderation-panels.styles.js';
import { MODERATION_STRINGS } from './strings.js';

type BansPage = { items: ModerationBan[]; nextCursor: string | null };

/**
 * @customElement news-moderation-bans
 * @summary The desk's list of bans (in force, or all), newest first, paged with a cursor; each
 * ban in force can be lifted (`POST /moderation/bans/{id}/lift`).
 *
 * @fires news-moderation-lift - `{ban}` after a ban is lifted.
 * @csspart table - the list.
 */
export class NewsModerationBans extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, panelStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The desk's API call helper. */
  @property({ attribute: false }) call?: DeskCall;

  @state() private show: 'active' | 'all' = 'active';
  @state() private items: ModerationBan[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loaded = false;
  @state() private busy = false;
  @state() private announcement = '';

  // Loads once the desk hands its call down: as a property set before this element's code arrived
  // (the tab loads it lazily), `call` is only in place from the first update on.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('call') && this.call) void this.load();
  }

  private async load(cursor?: string): Promise<void> {
    if (!this.call) return;
    try {
      const page = await this.call<BansPage>(
        `/moderation/bans?state=${this.show}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.loaded = true;
    }
  }

  private setShow(show: 'active' | 'all'): void {
    this.show = show;
    this.nextCursor = null;
    void this.load();
  }

  private async lift(ban: ModerationBan): Promise<void> {
    if (this.busy || !this.call) return;
    this.busy = true;
    try {
      const lifted = await this.call<ModerationBan>(`/moderation/bans/${ban.id}/lift`, { method: 'POST', body: {} });
      this.items =
        this.show === 'active'
          ? this.items.filter((b) => b.id !== ban.id)
          : this.items.map((b) => (b.id === ban.id ? lifted : b));
      this.announcement = format(this.strings.liftDone, { name: ban.name ?? ban.email ?? `#${ban.id}` });
      this.emit('news-moderation-lift', { ban: lifted });
      // The lifted row may be gone: keep focus in the panel.
      this.busy = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('button[data-action=lift], select')?.focus();
    } catch (error) {
      this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  private stateOf(b: ModerationBan): string {
    const s = this.strings;
    return b.active ? s.banInForce : b.liftedAt ? s.banLifted : s.banExpired;
  }

  override render() {
    const s = this.strings;
    const when = (iso: string | null) =>
      iso ? html`<time datetime=${iso}>${new Date(iso).toLocaleString(this.locale.tag)}</time>` : s.banForever;
    return html`
      <label for="show">${s.banShow}</label>
      <select
        id="show"
        @change=${(e: Event) => this.setShow((e.target as HTMLSelectElement).value as 'active' | 'all')}
      >
        <option value="active" ?selected=${this.show === 'active'}>${s.bansActive}</option>
        <option value="all" ?selected=${this.show === 'all'}>${s.bansAll}</option>
      </select>
      <p class="live" role="status" aria-live="polite">${this.announcement}</p>
      ${
        !this.loaded
          ? html`<p class="muted">${s.loading}</p>`
          : !this.items.length
            ? html`<p class="muted empty">${s.bansEmpty}</p>`
            : html`<table class="bans" part="table">
                <caption class="visually-hidden">
                  ${s.bans}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${s.banWho}</th>
                    <th scope="col">${s.banSince}</th>
                    <th scope="col">${s.banUntil}</th>
                    <th scope="col">${s.banState}</th>
                    <th scope="col">${s.banBy}</th>
                    <th scope="col"><span class="visually-hidden">${s.lift}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${this.items.map(
                    (b) =>
                      html`<tr data-ban=${b.id}>
                        <td>
                          <strong>${b.name ?? '—'}</strong>
                          ${b.email ? html`<br /><span class="email">${b.email}</span>` : nothing}
                          ${b.client ? html`<br /><span class="muted">${s.banClient}</span>` : nothing}
                          ${b.reason ? html`<br />${b.reason}` : nothing}
                        </td>
                        <td>${when(b.createdAt)}</td>
                        <td>${when(b.expiresAt)}</td>
                        <td>${this.stateOf(b)}</td>
                        <td>${b.createdBy}</td>
                        <td>
                          ${
                            b.active
                              ? html`<button
                                  type="button"
                                  data-action="lift"
                                  aria-label=${`${s.lift}: ${b.name ?? b.email ?? b.id}`}
                                  ?disabled=${this.busy}
                                  @click=${() => this.lift(b)}
                                >
                                  ${s.lift}
                                </button>`
                              : nothing
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
      ${
        this.nextCursor
          ? html`<button type="button" class="more" @click=${() => this.load(this.nextCursor ?? undefined)}>
              ${s.loadMore}
            </button>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-bans': NewsModerationBans;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-lift': CustomEvent<{ ban: ModerationBan }>;
  }
}
