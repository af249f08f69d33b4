/**
 * `npm run editor -- <command>`: editor accounts for the moderation desk, in the database the
 * server uses (DATABASE_URL for PostgreSQL, else the SQLite file in DATA_DIR).
 *   add <name>      creates an account and prints its sign-in secret (shown once)
 *   list            the accounts: name, created, last sign-in, disabled
 *   disable <name>  refuses its sign-ins and ends its sessions
 *   enable <name>   allows its sign-ins again
 *   reset <name>    prints a new secret (the old one and its sessions stop working)
 * Exit codes: 0 done, 1 refused (no such account, name taken), 64 usage.
 */
import { configFromEnv, storageOptions } from './config.ts';
import { DomainError, type Storage } from './domain.ts';
import { addEditor, editorNameProblem, resetEditor } from './editor-accounts.ts';
import { openStorage } from './storage/index.ts';

const USAGE = 'Usage: npm run editor -- add <name> | list | disable <name> | enable <name> | reset <name>';

async function run(storage: Storage, command: string | undefined, name: string): Promise<number> {
  const missing = (what: string) => {
    console.error(`No editor named "${name}". ${what}`);
    return 1;
  };
  switch (command) {
    case 'add': {
      const problem = editorNameProblem(name);
      if (problem) return (console.error(problem), 64);
      const secret = await addEditor(storage, name);
      console.log(`Editor "${name}" added. Sign-in secret (shown only now; pass it on privately):\n${secret}`);
      return 0;
    }
    case 'list': {
      const editors = await storage.editors.list();
      if (!editors.length) console.log('No editors yet: npm run editor -- add <name>');
      for (const e of editors)
        console.log(
          [e.name, `created ${e.createdAt}`, `last sign-in ${e.lastSignInAt ?? 'never'}`, e.disabled ? 'DISABLED' : '']
            .filter(Boolean)
            .join('\t'),
        );
      return 0;
    }
    case 'disable':
    case 'enable':
      if (!(await storage.editors.setDisabled(name, command === 'disable'))) return missing('Nothing changed.');
      console.log(
        command === 'disable'
          ? `Editor "${name}" disabled: sign-ins refused, open sessions ended.`
          : `Editor "${name}" enabled.`,
      );
      return 0;
    case 'reset': {
      const secret = await resetEditor(storage, name);
      if (!secret) return missing('Nothing changed.');
      console.log(`New sign-in secret for "${name}" (the old one and its sessions no longer work):\n${secret}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 64;
  }
}

const [command, ...rest] = process.argv.slice(2);
const name = rest.join(' ').trim();
if (command !== 'list' && !name) {
  console.error(USAGE);
  process.exit(64);
}
let code: number;
try {
  // The token is not needed here: a weak MODERATOR_TOKEN in the environment must not block account work.
  const storage = await openStorage(storageOptions(configFromEnv({ ...process.env, MODERATOR_TOKEN: '' })));
  try {
    code = await run(storage, command, name);
  } finally {
    await storage.close();
  }
} catch (e) {
  console.error(
    e instanceof DomainError && e.code === 'editor_exists'
      ? `An editor named "${name}" already exists (names are case-insensitive).`
      : e instanceof Error
        ? e.message
        : String(e),
  );
  code = 1;
}
process.exit(code);
