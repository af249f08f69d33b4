/**
 * The rules a new comment meets before it is stored (configured in the desk, `routes/desk.ts`).
 * Each enabled rule that matches adds a reason; a rejecting rule wins over a holding one. A held
 * comment goes to the queue as pending with its reasons; a rejected one is stored as rejected,
 * silently (the reader gets the usual 202 pending answer, and status polls keep saying pending).
 */
import { createHash } from 'node:crypto';
import type { HeldReason, ModerationRule, RuleAction } from '../../src/core/contract.ts';
import { lacksDiacritics } from '../../src/comments/diacritics.ts';
import { foldVietnamese } from '../vi.ts';
import { findWord } from './words.ts';

/** Links: http(s) URLs, www. hosts and bare domains of common top-level domains. */
const LINK =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|info|biz|vn|io|me|co|xyz|top|site|online|club|shop|link|live|app)\b(?:\/\S*)?/giu;

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** Letters, and how many of them are capitals. */
export function capitals(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (const ch of text.normalize('NFC').match(/\p{L}/gu) ?? []) {
    letters++;
    if (ch !== ch.toLowerCase()) upper++;
  }
  return { letters, upper };
}

/** The text as the duplicate rule compares it: folded, letters and digits only. */
export function normalizedText(text: string): string {
  return foldVietnamese(text.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const textHash = (text: string) =>
  createHash('sha256').update(normalizedText(text)).digest('base64url').slice(0, 32);

export interface Verdict {
  action: RuleAction | null;
  reasons: HeldReason[];
  noDiacritics: boolean;
}

/**
 * Applies `rules` to a comment's body. `otherThreads(windowMinutes)` counts the other threads where
 * the same text was posted within the window (asked only when a duplicate rule could match).
 */
export async function evaluate(
  rules: ModerationRule[],
  body: string,
  otherThreads: (windowMinutes: number) => Promise<number>,
): Promise<Verdict> {
  const reasons: HeldReason[] = [];
  const noDiacritics = lacksDiacritics(body);
  for (const rule of rules) {
    if (!rule.enabled) continue;
    let detail: string | undefined;
    let hit = false;
    switch (rule.kind) {
      case 'words': {
        const found = findWord(body, rule.config.words);
        hit = !!found;
        detail = found?.word;
        break;
      }
      case 'links': {
        const n = countLinks(body);
        hit = n > rule.config.max;
        detail = String(n);
        break;
      }
      case 'caps': {
        const { letters, upper } = capitals(body);
        hit = letters >= rule.config.minLetters && upper / letters >= rule.config.ratio;
        detail = `${upper}/${letters}`;
        break;
      }
      case 'no_diacritics':
        hit = noDiacritics;
        break;
      case 'duplicate': {
        if ([...normalizedText(body)].length < rule.config.minLength) break;
        const n = (await otherThreads(rule.config.windowMinutes)) + 1;
        hit = n >= rule.config.threads;
        detail = String(n);
        break;
      }
    }
    if (hit) reasons.push({ kind: rule.kind, action: rule.action, ruleId: rule.id, ...(detail ? { detail } : {}) });
  }
  const action = reasons.some((r) => r.action === 'reject') ? 'reject' : reasons.length ? 'hold' : null;
  return { action, reasons, noDiacritics };
}
