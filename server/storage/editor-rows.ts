/** What both dialects' editor stores share: the name key and the row mapping. */
import type { Editor } from '../domain.ts';
import { iso } from './common.ts';

/** Names are unique and matched case-insensitively: the lower-cased NFC form. */
export const editorNameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();

export interface EditorDbRow {
  id: number;
  name: string;
  secret_hash: string;
  created_at: number;
  disabled_at: number | null;
  last_sign_in_at: number | null;
}

export const toEditor = (r: EditorDbRow): Editor => ({
  name: r.name,
  createdAt: iso(r.created_at)!,
  disabled: r.disabled_at != null,
  lastSignInAt: iso(r.last_sign_in_at) ?? null,
});
