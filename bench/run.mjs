// `npm run bench`: every measurement, even when an earlier one is over its budget; the exit code
// says whether all budgets held.
import { spawnSync } from 'node:child_process';

let failed = false;
for (const script of ['bench/bundle.mjs', 'bench/render.mjs', 'bench/live.ts']) {
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : [script];
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
