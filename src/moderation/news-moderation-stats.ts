import { html, nothing, svg, type SVGTemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { STATS_RANGES, type ModerationStats, type StatsRange } from '../core/contract.js';
import { toErrorDetail } from '../core/events.js';
import { format, type Localized } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles, buttonStyles } from '../core/styles.js';
import { safeHttpUrl } from '../core/url.js';
import { moderationStats as enStrings } from '../translations/en/moderation-stats.js';
import { moderationStats as viStrings } from '../translations/vi/moderation-stats.js';
import { moderationStatsStyles } from './news-moderation-stats.styles.js';

/** How the desk asks its API (its own sign-in travels with it): a path under the API base, answered as JSON. */
export type StatsRequest = <T>(path: string, init?: { signal?: AbortSignal }) => Promise<T>;

const LOCALIZED: Localized<'moderationStats'> = { section: 'moderationStats', vi: viStrings, en: enStrings };

/** The plot inside each chart's viewBox (SVG user units): margins for the axes' labels. */
const W = 640;
const H = 220;
const M = { top: 12, right: 12, bottom: 26, left: 44 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
/** Row height of the most-commented bars: a title line above each bar. */
const ROW = 40;

/** A round upper bound for an axis: 1, 2 or 5 × 10ⁿ, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Every k-th index of n labels, so that at most about `most` labels fit under a chart. */
const labelEvery = (n: number, most: number) => Math.max(1, Math.ceil(n / most));

const shorten = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);

/** An article's title, linked when its URL is http(s). */
function articleLink(url: string | null, title: string) {
  const href = safeHttpUrl(url);
  return href ? html`<a href=${href} target="_blank" rel="noopener">${title}</a>` : title;
}

/**
 * @customElement news-moderation-stats
 * @summary The desk's charts: views of the most read articles per hour (last 24 hours) or per day
 * (7 or 30 days), comments received and approved, the time editors take to decide, and the most
 * commented articles. Charts are SVG drawn from the numbers (no HTML strings); each chart's numbers
 * are also a table, read by screen readers and shown on demand. The desk renders it in its
 * "Statistics" tab, loading this module only then.
 *
 * @fires news-error - `{widget, reason, status?}` when the statistics cannot be loaded.
 * @csspart ranges - the range switcher.
 * @csspart chart - each chart's figure.
 * @cssprop --news-chart-1 - Colour of the first series (most read article, received comments); up to --news-chart-5.
 */
export class NewsModerationStats extends NewsElement<'moderationStats'> {
  static override styles = [baseStyles, buttonStyles, moderationStatsStyles];

  protected readonly localized = LOCALIZED;

  /** The desk's API call: the element asks nothing on its own until it has one. */
  @property({ attribute: false }) request?: StatsRequest;

  /** The range shown: `24h` (per hour), `7d` or `30d` (per day); the buttons change it. */
  @property({ reflect: true }) range: StatsRange = '7d';

  /** The numbers of every chart shown as tables, not only to screen readers. */
  @state() private showTables = false;
  /** The last answer, kept on screen while another range loads. */
  @state() private data: ModerationStats | null = null;

  private readonly task = new Task(this, {
    task: async ([request, range], { signal }) => {
      if (!request) return null;
      const offset = -new Date().getTimezoneOffset();
      return request<ModerationStats>(`/moderation/stats?range=${range}&utcOffset=${offset}`, { signal });
    },
    args: () => [this.request, this.range] as const,
    onComplete: (value) => {
      if (value) this.data = value;
    },
    onError: (error) => this.emit('news-error', toErrorDetail(this.localName, error)),
  });

  // ------------------------------------------------------------------ formatting

  private number(n: number): string {
    return new Intl.NumberFormat(this.locale.tag).format(n);
  }

  /** A bucket's start as an axis label (short) or a table's row header (long). */
  private when(iso: string, bucket: 'hour' | 'day', long: boolean): string {
    const options: Intl.DateTimeFormatOptions =
      bucket === 'hour'
        ? long
          ? { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' }
          : { hour: '2-digit', minute: '2-digit' }
        : long
          ? { weekday: 'short', day: 'numeric', month: 'numeric' }
          : { day: 'numeric', month: 'numeric' };
    return new Intl.DateTimeFormat(this.locale.tag, options).format(new Date(iso));
  }

  private duration(ms: number): string {
    const s = this.strings;
    const n = (value: number) =>
      new Intl.NumberFormat(this.locale.tag, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
    if (ms < 3600_000) return format(s.minutes, { n: n(Math.max(1, Math.round(ms / 60_000))) });
    if (ms < 48 * 3600_000) return format(s.hours, { n: n(ms / 3600_000) });
    return format(s.days, { n: n(ms / 86_400_000) });
  }

  // ------------------------------------------------------------------ render

  override render() {
    const s = this.strings;
    const labels: Record<StatsRange, string> = { '24h': s.range24h, '7d': s.range7d, '30d': s.range30d };
    const status = this.task.status;
    return html`
      <h3 id="stats-heading">${s.heading}</h3>
      <div class="controls">
        <div class="ranges" part="ranges" role="group" aria-label=${s.rangeLabel}>
          ${STATS_RANGES.map(
            (range) =>
              html`<button
                type="button"
                class="button"
                data-range=${range}
                aria-pressed=${this.range === range ? 'true' : 'false'}
                @click=${() => (this.range = range)}
              >
                ${labels[range]}
              </button>`,
          )}
        </div>
        <button
          type="button"
          class="button tables-toggle"
          aria-pressed=${this.showTables ? 'true' : 'false'}
          @click=${() => (this.showTables = !this.showTables)}
        >
          ${s.showTables}
        </button>
      </div>
      <p class="status" role="status">${status === TaskStatus.PENDING ? s.loading : ''}</p>
      ${
        status === TaskStatus.ERROR
          ? html`<p class="error">
              ${s.failed} <button type="button" class="button" @click=${() => this.task.run()}>${s.retry}</button>
            </p>`
          : nothing
      }
      ${this.data ? this.renderCharts(this.data) : nothing}
    `;
  }

  private renderCharts(d: ModerationStats) {
    return html`<div class=${this.showTables ? 'charts with-tables' : 'charts'} data-range=${d.range}>
      ${this.renderViews(d)} ${this.renderComments(d)} ${this.renderDecisions(d)} ${this.renderMostCommented(d)}
    </div>`;
  }

  /** A chart's figure: the SVG is decoration for eyes, the table carries the same numbers for everyone. */
  private figure(id: string, title: string, chart: unknown, legend: unknown, table: unknown) {
    return html`<figure part="chart" class="chart" data-chart=${id} aria-labelledby="${id}-title">
      <figcaption id="${id}-title">${title}</figcaption>
      ${chart} ${legend}
      ${
        this.showTables
          ? html`<div class="table" tabindex="0" role="region" aria-labelledby="${id}-title">${table}</div>`
          : html`<div class="table visually-hidden">${table}</div>`
      }
    </figure>`;
  }

  /** Horizontal grid lines with their values, and labels under some buckets. */
  private axes(max: number, labels: string[], x: (i: number) => number): SVGTemplateResult {
    const ticks = [0, max / 2, max];
    const every = labelEvery(labels.length, 8);
    return svg`
      ${ticks.map((t) => {
        const y = M.top + PLOT_H - (t / max) * PLOT_H;
        return svg`<line class="grid" x1=${M.left} x2=${W - M.right} y1=${y} y2=${y}></line>
          <text class="tick" x=${M.left - 6} y=${y + 4} text-anchor="end">${this.number(t)}</text>`;
      })}
      ${labels.map((label, i) =>
        i % every === 0 ? svg`<text class="tick" x=${x(i)} y=${H - 8} text-anchor="middle">${label}</text>` : nothing,
      )}
    `;
  }

  private renderViews(d: ModerationStats) {
    const s = this.strings;
    if (!d.views.length)
      return this.figure('views', s.viewsTitle, html`<p class="empty">${s.noViews}</p>`, nothing, nothing);
    const n = d.buckets.length;
    const max = niceMax(Math.max(...d.views.flatMap((v) => v.counts)));
    const x = (i: number) => M.left + (n === 1 ? PLOT_W / 2 : (i * PLOT_W) / (n - 1));
    const y = (v: number) => M.top + PLOT_H - (v / max) * PLOT_H;
    const labels = d.buckets.map((b) => this.when(b, d.bucket, false));
    const chart = html`<svg class="plot" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
      ${this.axes(max, labels, x)}
      ${d.views.map(
        (v, k) => svg`<g class="series s${k}">
          <polyline points=${v.counts.map((c, i) => `${x(i)},${y(c)}`).join(' ')}></polyline>
          ${v.counts.map((c, i) => svg`<circle cx=${x(i)} cy=${y(c)} r="2.5"></circle>`)}
        </g>`,
      )}
    </svg>`;
    const legend = html`<ul class="legend">
      ${d.views.map(
        (v, k) =>
          html`<li>
            <span class="swatch s${k}" aria-hidden="true"></span>${articleLink(v.url, v.title)}
            (${this.number(v.total)})
          </li>`,
      )}
    </ul>`;
    const table = html`<table>
      <caption>
        ${d.bucket === 'hour' ? s.viewsByHour : s.viewsByDay}
      </caption>
      <thead>
        <tr>
          <th scope="col">${d.bucket === 'hour' ? s.hour : s.day}</th>
          ${d.views.map((v) => html`<th scope="col">${v.title}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${d.buckets.map(
          (b, i) =>
            html`<tr>
              <th scope="row"><time datetime=${b}>${this.when(b, d.bucket, true)}</time></th>
              ${d.views.map((v) => html`<td>${this.number(v.counts[i] ?? 0)}</td>`)}
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${s.total}</th>
          ${d.views.map((v) => html`<td>${this.number(v.total)}</td>`)}
        </tr>
      </tfoot>
    </table>`;
    return this.figure('views', s.viewsTitle, chart, legend, table);
  }

  private renderComments(d: ModerationStats) {
    const s = this.strings;
    const { received, approved } = d.comments;
    if (!received.some((r) => r > 0))
      return this.figure('comments', s.commentsTitle, html`<p class="empty">${s.noComments}</p>`, nothing, nothing);
    const n = d.buckets.length;
    const max = niceMax(Math.max(...received));
    const slot = PLOT_W / n;
    const bar = Math.max(1, slot * 0.38);
    const x = (i: number) => M.left + slot * (i + 0.5);
    const y = (v: number) => M.top + PLOT_H - (v / max) * PLOT_H;
    const labels = d.buckets.map((b) => this.when(b, d.bucket, false));
    const chart = html`<svg class="plot" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
      ${this.axes(max, labels, x)}
      ${received.map(
        (
          r,
          i,
        ) => svg`<rect class="bar received" x=${x(i) - bar} y=${y(r)} width=${bar} height=${M.top + PLOT_H - y(r)}></rect>
          <rect class="bar approved" x=${x(i)} y=${y(approved[i] ?? 0)} width=${bar}
            height=${M.top + PLOT_H - y(approved[i] ?? 0)}></rect>`,
      )}
    </svg>`;
    const legend = html`<ul class="legend">
      <li><span class="swatch received" aria-hidden="true"></span>${s.received}</li>
      <li><span class="swatch approved" aria-hidden="true"></span>${s.approved}</li>
    </ul>`;
    const table = html`<table>
      <caption>
        ${s.commentsTitle}
      </caption>
      <thead>
        <tr>
          <th scope="col">${d.bucket === 'hour' ? s.hour : s.day}</th>
          <th scope="col">${s.received}</th>
          <th scope="col">${s.approved}</th>
        </tr>
      </thead>
      <tbody>
        ${d.buckets.map(
          (b, i) =>
            html`<tr>
              <th scope="row"><time datetime=${b}>${this.when(b, d.bucket, true)}</time></th>
              <td>${this.number(received[i] ?? 0)}</td>
              <td>${this.number(approved[i] ?? 0)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
    return this.figure('comments', s.commentsTitle, chart, legend, table);
  }

  /** Two numbers, not a chart: they are text for everyone. */
  private renderDecisions(d: ModerationStats) {
    const s = this.strings;
    const { count, medianMs, p90Ms } = d.decisions;
    return html`<section class="decisions" part="chart" aria-labelledby="decisions-title">
      <h4 id="decisions-title">${s.decisionsTitle}</h4>
      ${
        count && medianMs !== null && p90Ms !== null
          ? html`<dl>
              <div>
                <dt>${s.median}</dt>
                <dd data-value="median">${this.duration(medianMs)}</dd>
              </div>
              <div>
                <dt>${s.p90}</dt>
                <dd data-value="p90">${this.duration(p90Ms)}</dd>
              </div>
              <div>
                <dt>${s.decided}</dt>
                <dd data-value="count">${this.number(count)}</dd>
              </div>
            </dl>`
          : html`<p class="empty">${s.noDecisions}</p>`
      }
    </section>`;
  }

  private renderMostCommented(d: ModerationStats) {
    const s = this.strings;
    const rows = d.mostCommented;
    if (!rows.length)
      return this.figure(
        'most-commented',
        s.mostCommentedTitle,
        html`<p class="empty">${s.noMostCommented}</p>`,
        nothing,
        nothing,
      );
    const max = niceMax(Math.max(...rows.map((r) => r.comments)));
    const width = (v: number) => ((W - 2 * M.right) * v) / max;
    const height = rows.length * ROW + 4;
    const chart = html`<svg class="plot" viewBox="0 0 ${W} ${height}" aria-hidden="true" focusable="false">
      ${rows.map((r, i) => {
        const top = i * ROW;
        return svg`<text class="label" x=${M.right} y=${top + 14}>${shorten(r.title ?? r.thread, 70)} · ${this.number(r.comments)}</text>
          <rect class="bar received" x=${M.right} y=${top + 20} width=${width(r.comments)} height="14"></rect>
          <rect class="bar approved" x=${M.right} y=${top + 24} width=${width(r.approved)} height="6"></rect>`;
      })}
    </svg>`;
    const legend = html`<ul class="legend">
      <li><span class="swatch received" aria-hidden="true"></span>${s.comments}</li>
      <li><span class="swatch approved" aria-hidden="true"></span>${s.approved}</li>
    </ul>`;
    const table = html`<table>
      <caption>
        ${s.mostCommentedTitle}
      </caption>
      <thead>
        <tr>
          <th scope="col">${s.article}</th>
          <th scope="col">${s.comments}</th>
          <th scope="col">${s.approved}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${articleLink(r.url, r.title ?? r.thread)}</th>
              <td>${this.number(r.comments)}</td>
              <td>${this.number(r.approved)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
    return this.figure('most-commented', s.mostCommentedTitle, chart, legend, table);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-stats': NewsModerationStats;
  }
}
