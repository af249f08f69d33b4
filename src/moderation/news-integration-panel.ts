import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { BEACON_OUTCOMES, type BeaconOutcome, type FeedPollStatus, type IntegrationStatus } from '../core/contract.js';
import { toErrorDetail } from '../core/events.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles, buttonStyles } from '../core/styles.js';
import type { ModerationStrings } from '../translations/types.js';
import { integrationPanelStyles } from './news-integration-panel.styles.js';
import { MODERATION_STRINGS } from './strings.js';

/** Loads a desk API path (relative to the API base) and answers its parsed JSON. */
export type DeskLoader = (path: string, init: { signal?: AbortSignal }) => Promise<unknown>;

type Key = keyof ModerationStrings;

const FEED_STATUS: Record<FeedPollStatus, Key> = {
  ok: 'integrationStatusOk',
  not_modified: 'integrationStatusNotModified',
  http_error: 'integrationStatusHttpError',
  timeout: 'integrationStatusTimeout',
  too_large: 'integrationStatusTooLarge',
  network_error: 'integrationStatusNetworkError',
  parse_error: 'integrationStatusParseError',
  store_error: 'integrationStatusStoreError',
};

const OUTCOME: Record<BeaconOutcome, Key> = {
  counted: 'integrationCounted',
  duplicate: 'integrationDuplicate',
  bot: 'integrationBot',
  unknown_site: 'integrationUnknownSite',
  unknown_article: 'integrationUnknownArticle',
  rate_limited: 'integrationRateLimited',
  invalid: 'integrationInvalid',
  overloaded: 'integrationOverloaded',
};

/**
 * @customElement news-integration-panel
 * @summary The desk's "Tình trạng tích hợp": how the publisher's feeds were polled, what became
 * of the view beacons in the last 24 hours, and which origins the API refused (CORS); when
 * `FEEDS`, `SITE_ORIGINS` or `ALLOWED_ORIGINS` are not set, it says what to set. Reads
 * `GET {api}/moderation/integration` through `load`, the desk's own authenticated request.
 *
 * @fires news-error - `{widget, reason, status?}` when the status cannot be loaded.
 * @csspart setup - the list of settings still to make.
 * @csspart table - each table.
 */
export class NewsIntegrationPanel extends NewsElement<'moderation'> {
  static override styles = [baseStyles, buttonStyles, integrationPanelStyles];

  protected readonly localized = MODERATION_STRINGS;

  /** The desk's request function (its sign-in applies); without it nothing loads. */
  @property({ attribute: false }) load?: DeskLoader;

  @state() private reload = 0;

  private readonly task = new Task(this, {
    task: async ([load], { signal }) =>
      load ? ((await load('/moderation/integration', { signal })) as IntegrationStatus) : null,
    args: () => [this.load, this.reload] as const,
    onError: (error) => this.emit('news-error', toErrorDetail(this.localName, error)),
  });

  private time(iso: string | null) {
    const s = this.strings;
    return iso
      ? html`<time datetime=${iso}>${new Date(iso).toLocaleString(this.locale.tag)}</time>`
      : html`<span class="muted">${s.integrationNever}</span>`;
  }

  override render() {
    const s = this.strings;
    const data = this.task.value;
    const refresh = html`<p class="toolbar">
      <button type="button" class="button" @click=${() => this.reload++}>${s.integrationRefresh}</button>
    </p>`;
    if (this.task.status === TaskStatus.ERROR && !data)
      return html`<p class="error" role="alert">${s.integrationFailed}</p>
        ${refresh}`;
    if (!data) return html`<p class="muted">${s.loading}</p>`;
    return html`${refresh}${this.renderSetup(data)}${this.renderFeeds(data)}${this.renderBeacons(data)}${this.renderOrigins(data)}`;
  }

  private renderSetup({ config }: IntegrationStatus) {
    const s = this.strings;
    const missing = [
      config.feeds === 0 && s.integrationNoFeeds,
      config.siteOrigins.length === 0 && s.integrationNoSiteOrigins,
      config.allowedOrigins.length === 0 && s.integrationNoAllowedOrigins,
    ].filter((x): x is string => !!x);
    if (!missing.length) return nothing;
    return html`<section class="setup" part="setup" aria-labelledby="setup-h">
      <h3 id="setup-h">${s.integrationSetup}</h3>
      <ul>
        ${missing.map((m) => html`<li>${m}</li>`)}
      </ul>
      <p>${s.integrationDocs}</p>
    </section>`;
  }

  private renderFeeds({ feeds }: IntegrationStatus) {
    const s = this.strings;
    if (!feeds.length) return nothing;
    return html`<h3 id="feeds-h">${s.integrationFeeds}</h3>
      <table part="table" aria-labelledby="feeds-h" data-table="feeds">
        <thead>
          <tr>
            <th scope="col">${s.integrationFeedUrl}</th>
            <th scope="col">${s.integrationLastPoll}</th>
            <th scope="col">${s.integrationResult}</th>
            <th scope="col" class="number">${s.integrationItems}</th>
          </tr>
        </thead>
        <tbody>
          ${feeds.map(
            (f) =>
              html`<tr>
                <td class="url">${f.url}</td>
                <td>${this.time(f.lastPollAt)}</td>
                <td data-status=${f.status ?? 'none'}>
                  ${
                    f.status
                      ? html`<span class=${f.status === 'ok' || f.status === 'not_modified' ? '' : 'status-bad'}
                          >${s[FEED_STATUS[f.status]]}</span
                        >`
                      : html`<span class="muted">${s.integrationNever}</span>`
                  }
                  ${f.message ? html`<span class="message">${f.message}</span>` : nothing}
                </td>
                <td class="number">${f.itemCount ?? '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderBeacons({ beacons }: IntegrationStatus) {
    const s = this.strings;
    const n = (x: number) => x.toLocaleString(this.locale.tag);
    return html`<h3 id="beacons-h">${s.integrationBeacons}</h3>
      <table part="table" aria-labelledby="beacons-h" data-table="beacons">
        <thead>
          <tr>
            <th scope="col">${s.integrationResult}</th>
            <th scope="col" class="number">${s.integrationCount}</th>
          </tr>
        </thead>
        <tbody>
          ${BEACON_OUTCOMES.map(
            (o) =>
              html`<tr data-outcome=${o}>
                <th scope="row">${s[OUTCOME[o]]}</th>
                <td class="number">${n(beacons[o] ?? 0)}</td>
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private renderOrigins({ refusedOrigins }: IntegrationStatus) {
    const s = this.strings;
    return html`<h3 id="origins-h">${s.integrationOrigins}</h3>
      ${
        refusedOrigins.length
          ? html`<table part="table" aria-labelledby="origins-h" data-table="origins">
              <thead>
                <tr>
                  <th scope="col">${s.integrationOrigin}</th>
                  <th scope="col" class="number">${s.integrationCount}</th>
                  <th scope="col">${s.integrationLastSeen}</th>
                </tr>
              </thead>
              <tbody>
                ${refusedOrigins.map(
                  (o) =>
                    html`<tr>
                      <td class="url">${o.origin}</td>
                      <td class="number">${o.count.toLocaleString(this.locale.tag)}</td>
                      <td>${this.time(o.lastSeen)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">${s.integrationNoOrigins}</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-integration-panel': NewsIntegrationPanel;
  }
}
