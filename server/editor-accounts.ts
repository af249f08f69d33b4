/**
 * Editor accounts, as the `npm run editor` command, the server's first start and the browser
 * tests' helper all make them: the secret is generated here, shown once, stored only as a hash.
 */
import type { Storage } from './domain.ts';
import { EDITOR_NAME, hashSecret, newSecret } from './auth/secrets.ts';

/** Why a name cannot be an editor's, or undefined. */
export function editorNameProblem(name: string): string | undefined {
  return EDITOR_NAME.test(name.normalize('NFC'))
    ? undefined
    : 'A name is 1–64 letters, digits, spaces, ".", "_" or "-", starting and ending with a letter or digit.';
}

/** Creates an account; answers its one-time sign-in secret. Throws `editor_exists`. */
export async function addEditor(storage: Storage, name: string): Promise<string> {
  const problem = editorNameProblem(name);
  if (problem) throw new Error(problem);
  const secret = newSecret();
  await storage.editors.create(name.normalize('NFC'), await hashSecret(secret));
  return secret;
}

/** Gives an account a new secret (its sessions end); undefined when there is no such account. */
export async function resetEditor(storage: Storage, name: string): Promise<string | undefined> {
  const secret = newSecret();
  return (await storage.editors.setSecret(name, await hashSecret(secret))) ? secret : undefined;
}

/** The demo's editor, made on the first start of a fresh SQLite data folder (see `main.ts`). */
export const DEMO_EDITOR = 'demo';
