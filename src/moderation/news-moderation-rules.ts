import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DESK_LIMITS,
  RULE_KINDS,
  type ModerationRule,
  type ModerationRuleConfig,
  type ModerationRuleInput,
  type RuleAction,
  type RuleKind,
  type RuleWord,
} from '../core/contract.js';
import { format } from '../core/locale.js';
import { NewsElement } from '../core/news-element.js';
import { baseStyles } from '../core/styles.js';
import type { ModerationStrings } from '../translations/types.js';
import { statusOf, type DeskCall } from './desk-api.js';
import { moderationStyles } from './news-moderation.styles.js';
import { panelStyles } from './news-moderation-panels.styles.js';
import { MODERATION_STRINGS } from './strings.js';

type RulesPage = { items: ModerationRule[]; nextCursor: string | null };

/** The rule being edited (or added): every kind's settings, so switching kind keeps what was typed. */
interface Draft {
  id: number | null;
  kind: RuleKind;
  action: RuleAction;
  enabled: boolean;
  words: RuleWord[];
}

const KIND_LABEL: Record<RuleKind, keyof ModerationStrings> = {
  words: 'kindWords',
  links: 'kindLinks',
  duplicate: 'kindDuplicate',
  caps: 'kindCaps',
  no_diacritics: 'kindNoDiacritics',
};

/** Settings of a new rule of each kind. */
const DEFAULTS: { [K in RuleKind]: ModerationRuleConfig[K] } = {
  words: { words: [{ word: '', folded: true }] },
  links: { max: 2 },
  duplicate: { threads: 3, windowMinutes: 60, minLength: 20 },
  caps: { minLetters: 20, ratio: 0.8 },
  no_diacritics: {},
};

const wordsOf = (rule: ModerationRule | null): RuleWord[] =>
  rule?.kind === 'words' ? (rule.config as ModerationRuleConfig['words']).words : DEFAULTS.words.words;

/**
 * @customElement news-moderation-rules
 * @summary The desk's rules, applied to each new comment before it is stored: a word list
 * (each word also matching without diacritics, or not), too many links, the same text on several
 * articles, all capitals, Vietnamese without diacritics. Each holds the comment for review or
 * rejects it silently. Add, edit, switch off, delete; every change is logged by the server.
 *
 * @fires news-moderation-rule - `{rule, deleted}` after a rule is saved or deleted.
 * @csspart list - the rules.
 * @csspart form - the rule form.
 */
export class NewsModerationRules extends NewsElement<'moderation'> {
  static override styles = [baseStyles, moderationStyles, panelStyles];
  protected readonly localized = MODERATION_STRINGS;

  /** The desk's API call helper. */
  @property({ attribute: false }) call?: DeskCall;

  @state() private items: ModerationRule[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loaded = false;
  @state() private draft: Draft | null = null;
  /** The rule whose settings fill the form (when editing). */
  private editing: ModerationRule | null = null;
  @state() private busy = false;
  @state() private announcement = '';
  @state() private error = '';

  // Loads once the desk hands its call down: as a property set before this element's code arrived
  // (the tab loads it lazily), `call` is only in place from the first update on.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('call') && this.call) void this.load();
  }

  private async load(cursor?: string): Promise<void> {
    if (!this.call) return;
    try {
      const page = await this.call<RulesPage>(
        `/moderation/rules${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.loaded = true;
    }
  }

  private startEdit(rule: ModerationRule | null): void {
    this.editing = rule;
    this.error = '';
    this.draft = {
      id: rule?.id ?? null,
      kind: rule?.kind ?? 'words',
      action: rule?.action ?? 'hold',
      enabled: rule?.enabled ?? true,
      words: wordsOf(rule).map((w) => ({ ...w })),
    };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#rule-kind')?.focus());
  }

  private cancel(): void {
    const id = this.draft?.id;
    this.draft = null;
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(
          id ? `li[data-rule="${id}"] button[data-action=edit-rule]` : 'button[data-action=add-rule]',
        )
        ?.focus(),
    );
  }

  /** The current setting of a number field, else the edited rule's, else the default. */
  private setting<K extends RuleKind>(kind: K, key: string): number {
    const config = (this.editing?.kind === kind ? this.editing.config : DEFAULTS[kind]) as Record<string, number>;
    return config[key] ?? 0;
  }

  private updateWord(index: number, change: Partial<RuleWord>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, words: this.draft.words.map((w, i) => (i === index ? { ...w, ...change } : w)) };
  }

  private addWord(): void {
    if (!this.draft || this.draft.words.length >= DESK_LIMITS.ruleWords) return;
    this.draft = { ...this.draft, words: [...this.draft.words, { word: '', folded: true }] };
    const index = this.draft.words.length - 1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#word-${index}`)?.focus());
  }

  private removeWord(index: number): void {
    if (!this.draft || this.draft.words.length <= 1) return;
    this.draft = { ...this.draft, words: this.draft.words.filter((_, i) => i !== index) };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#word-${Math.max(0, index - 1)}`)?.focus(),
    );
  }

  private input(form: HTMLFormElement): ModerationRuleInput {
    const d = this.draft!;
    const data = new FormData(form);
    const n = (name: string) => Number(data.get(name));
    const base = {
      action: data.get('action') === 'reject' ? 'reject' : 'hold',
      enabled: data.get('enabled') === 'on',
    } as const;
    switch (d.kind) {
      case 'words':
        return { kind: 'words', ...base, config: { words: d.words.filter((w) => w.word.trim()) } };
      case 'links':
        return { kind: 'links', ...base, config: { max: n('max') } };
      case 'duplicate':
        return {
          kind: 'duplicate',
          ...base,
          config: { threads: n('threads'), windowMinutes: n('windowMinutes'), minLength: n('minLength') },
        };
      case 'caps':
        return { kind: 'caps', ...base, config: { minLetters: n('minLetters'), ratio: n('ratio') / 100 } };
      case 'no_diacritics':
        return { kind: 'no_diacritics', ...base, config: {} };
    }
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.call || !this.draft) return;
    const input = this.input(e.currentTarget as HTMLFormElement);
    const id = this.draft.id;
    this.busy = true;
    this.error = '';
    try {
      const rule = await this.call<ModerationRule>(id ? `/moderation/rules/${id}` : '/moderation/rules', {
        method: 'POST',
        body: input,
      });
      this.items = id ? this.items.map((r) => (r.id === id ? rule : r)) : [...this.items, rule];
      this.announcement = this.strings.ruleSaved;
      this.emit('news-moderation-rule', { rule, deleted: false });
      this.draft = null;
      this.busy = false; // the buttons can take focus again
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`li[data-rule="${rule.id}"] button[data-action=edit-rule]`)?.focus();
    } catch (error) {
      const status = statusOf(error);
      this.error =
        status === 400
          ? format(this.strings.ruleInvalid, { message: String(status) })
          : format(this.strings.actionFailed, { status: status ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  private async deleteRule(rule: ModerationRule): Promise<void> {
    if (this.busy || !this.call) return;
    this.busy = true;
    try {
      await this.call(`/moderation/rules/${rule.id}/delete`, { method: 'POST', body: {} });
      this.items = this.items.filter((r) => r.id !== rule.id);
      this.announcement = this.strings.ruleDeleted;
      this.emit('news-moderation-rule', { rule, deleted: true });
      this.busy = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('button[data-action=add-rule]')?.focus();
    } catch (error) {
      this.announcement = format(this.strings.actionFailed, { status: statusOf(error) ?? '—' });
    } finally {
      this.busy = false;
    }
  }

  private summary(rule: ModerationRule): string {
    const s = this.strings;
    switch (rule.kind) {
      case 'words':
        return format(s.ruleSummaryWords, {
          count: rule.config.words.length,
          words: rule.config.words.map((w) => w.word).join(', '),
        });
      case 'links':
        return format(s.ruleSummaryLinks, { max: rule.config.max });
      case 'duplicate':
        return format(s.ruleSummaryDuplicate, {
          threads: rule.config.threads,
          minutes: rule.config.windowMinutes,
        });
      case 'caps':
        return format(s.ruleSummaryCaps, {
          letters: rule.config.minLetters,
          percent: Math.round(rule.config.ratio * 100),
        });
      case 'no_diacritics':
        return '';
    }
  }

  override render() {
    const s = this.strings;
    return html`
      <p class="hint">${s.rulesHint}</p>
      <p class="live" role="status" aria-live="polite">${this.announcement}</p>
      ${
        !this.loaded
          ? html`<p class="muted">${s.loading}</p>`
          : !this.items.length
            ? html`<p class="muted empty">${s.rulesEmpty}</p>`
            : html`<ul class="list" part="list" aria-label=${s.rules}>
                ${this.items.map(
                  (r) =>
                    html`<li data-rule=${r.id}>
                      <strong>${s[KIND_LABEL[r.kind]]}</strong>
                      <span>${this.summary(r)}</span>
                      <span class="muted"
                        >· ${r.action === 'reject' ? s.ruleReject : s.ruleHold} ·
                        ${r.enabled ? s.ruleEnabled : s.ruleDisabled}</span
                      >
                      <div class="actions">
                        <button
                          type="button"
                          data-action="edit-rule"
                          ?disabled=${this.busy}
                          @click=${() => this.startEdit(r)}
                        >
                          ${s.ruleEdit}
                        </button>
                        <button
                          type="button"
                          class="danger"
                          data-action="delete-rule"
                          ?disabled=${this.busy}
                          @click=${() => this.deleteRule(r)}
                        >
                          ${s.ruleDelete}
                        </button>
                      </div>
                    </li>`,
                )}
              </ul>`
      }
      ${
        this.nextCursor
          ? html`<button type="button" class="more" @click=${() => this.load(this.nextCursor ?? undefined)}>
              ${s.loadMore}
            </button>`
          : nothing
      }
      ${
        this.draft
          ? this.renderForm(this.draft)
          : html`<button type="button" class="primary" data-action="add-rule" @click=${() => this.startEdit(null)}>
              ${s.ruleAdd}
            </button>`
      }
    `;
  }

  private renderForm(d: Draft) {
    const s = this.strings;
    const number = (name: string, label: string, min: number, max: number, value: number, step = 1) =>
      html`<div>
        <label for="rule-${name}">${label}</label>
        <input
          id="rule-${name}"
          name=${name}
          type="number"
          required
          min=${min}
          max=${max}
          step=${step}
          .value=${String(value)}
        />
      </div>`;
    return html`<form
      part="form"
      aria-labelledby="rule-form-title"
      @submit=${this.onSubmit}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation();
        if (e.key === 'Escape') this.cancel();
      }}
    >
      <fieldset>
        <legend id="rule-form-title">${d.id ? `${s.ruleEdit} #${d.id}` : s.ruleAdd}</legend>
        <div class="row">
          <div>
            <label for="rule-kind">${s.ruleKind}</label>
            <select
              id="rule-kind"
              name="kind"
              @change=${(e: Event) => (this.draft = { ...d, kind: (e.target as HTMLSelectElement).value as RuleKind })}
            >
              ${RULE_KINDS.map((k) => html`<option value=${k} ?selected=${k === d.kind}>${s[KIND_LABEL[k]]}</option>`)}
            </select>
          </div>
          <div>
            <label for="rule-action">${s.ruleAction}</label>
            <select id="rule-action" name="action">
              <option value="hold" ?selected=${d.action === 'hold'}>${s.ruleHold}</option>
              <option value="reject" ?selected=${d.action === 'reject'}>${s.ruleReject}</option>
            </select>
          </div>
        </div>
        <label class="check"><input type="checkbox" name="enabled" ?checked=${d.enabled} />${s.ruleEnabled}</label>
        ${
          d.kind === 'words'
            ? html`<ol class="words">
                  ${d.words.map(
                    (w, i) =>
                      html`<li>
                        <label class="visually-hidden" for="word-${i}">${s.ruleWord} ${i + 1}</label>
                        <input
                          id="word-${i}"
                          type="text"
                          placeholder=${s.ruleWord}
                          required
                          maxlength=${DESK_LIMITS.ruleWord}
                          .value=${w.word}
                          @input=${(e: Event) => this.updateWord(i, { word: (e.target as HTMLInputElement).value })}
                        />
                        <label class="check"
                          ><input
                            type="checkbox"
                            data-folded=${i}
                            .checked=${w.folded}
                            @change=${(e: Event) => this.updateWord(i, { folded: (e.target as HTMLInputElement).checked })}
                          />${s.ruleWordFolded}</label
                        >
                        <button
                          type="button"
                          class="link"
                          ?disabled=${d.words.length <= 1}
                          @click=${() => this.removeWord(i)}
                        >
                          ${format(s.ruleWordRemove, { index: i + 1 })}
                        </button>
                      </li>`,
                  )}
                </ol>
                <button type="button" data-action="add-word" @click=${this.addWord}>${s.ruleWordAdd}</button>`
            : d.kind === 'links'
              ? html`<div class="row">${number('max', s.ruleLinksMax, 0, 50, this.setting('links', 'max'))}</div>`
              : d.kind === 'duplicate'
                ? html`<div class="row">
                    ${number('threads', s.ruleDupThreads, 2, 50, this.setting('duplicate', 'threads'))}
                    ${number('windowMinutes', s.ruleDupWindow, 1, 10080, this.setting('duplicate', 'windowMinutes'))}
                    ${number('minLength', s.ruleDupMinLength, 1, 2000, this.setting('duplicate', 'minLength'))}
                  </div>`
                : d.kind === 'caps'
                  ? html`<div class="row">
                      ${number('minLetters', s.ruleCapsLetters, 1, 2000, this.setting('caps', 'minLetters'))}
                      ${number('ratio', s.ruleCapsRatio, 50, 100, Math.round(this.setting('caps', 'ratio') * 100))}
                    </div>`
                  : nothing
        }
        <p class="error" role="alert">${this.error}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${s.ruleSave}</button>
          <button type="button" @click=${this.cancel}>${s.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-moderation-rules': NewsModerationRules;
  }
  interface GlobalEventHandlersEventMap {
    'news-moderation-rule': CustomEvent<{ rule: ModerationRule; deleted: boolean }>;
  }
}
