/**
 * What happens to a new comment before it is stored: the author's ban, if any, then the desk's
 * rules. Answers the status to store (or none: the usual one) and the marks stored with it.
 */
import type { Context } from 'hono';
import type { HeldReason } from '../../src/core/contract.ts';
import type { Config } from '../config.ts';
import type { NewCommentMarks, Status, Storage } from '../domain.ts';
import { clientNetwork } from '../http/client-network.ts';
import { clientAddress, type Env } from '../http/context.ts';
import { authorHasher } from './author.ts';
import { evaluate, textHash } from './evaluate.ts';

export function commentScreening(config: Pick<Config, 'trustProxy' | 'now'>, storage: Storage) {
  const hashAuthor = authorHasher(storage.meta);
  return async (
    c: Context<Env>,
    thread: string,
    body: string,
    email: string | undefined,
  ): Promise<{ status: Status | undefined; marks: NewCommentMarks }> => {
    const authorHash = await hashAuthor(clientNetwork(clientAddress(c, config)));
    const bodyHash = textHash(body);
    const [ban, rules] = await Promise.all([storage.desk.activeBan(authorHash, email), storage.desk.activeRules()]);
    const verdict = await evaluate(rules, body, (minutes) =>
      storage.desk.otherThreadsWithText(bodyHash, thread, config.now() - minutes * 60_000),
    );
    const reasons: HeldReason[] = ban ? [{ kind: 'ban', action: 'reject', banId: ban.id }] : verdict.reasons;
    const action = ban ? 'reject' : verdict.action;
    return {
      status: action === 'reject' ? 'rejected' : action === 'hold' ? 'pending' : undefined,
      marks: {
        authorHash,
        bodyHash,
        heldBy: reasons.length ? reasons : null,
        noDiacritics: verdict.noDiacritics,
        silent: action === 'reject',
      },
    };
  };
}
