/**
 * One-time tickets for the desk's live stream. EventSource cannot send an Authorization header,
 * and a long-lived token must not travel in a URL (logs, history), so the desk trades its token
 * for a ticket (`POST /api/moderation/events/ticket`) and opens the stream with `?ticket=`.
 * A ticket is signed with a key derived from the moderator token, so any process sharing the
 * token can check it; it expires after `TICKET_TTL_MS` and is taken once per process.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TICKET_TTL_MS = 60_000;

export class LiveTickets {
  private readonly key: Buffer;
  /** Tickets already taken here, until they expire. */
  private readonly used = new Map<string, number>();

  constructor(
    moderatorToken: string,
    private readonly now: () => number,
  ) {
    this.key = createHash('sha256').update(`news-widgets live ticket\0${moderatorToken}`).digest();
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  issue(): { ticket: string; expiresIn: number } {
    const payload = `${this.now() + TICKET_TTL_MS}.${randomBytes(16).toString('base64url')}`;
    return { ticket: `${payload}.${this.sign(payload)}`, expiresIn: TICKET_TTL_MS / 1000 };
  }

  /** True once for a valid, unexpired ticket. */
  redeem(ticket: string): boolean {
    const now = this.now();
    for (const [t, expires] of this.used) if (expires < now) this.used.delete(t);
    const m = /^(\d{1,15})\.([\w-]{1,64})\.([\w-]{43})$/.exec(ticket);
    if (!m || Number(m[1]) < now || this.used.has(ticket)) return false;
    const given = Buffer.from(m[3]!);
    const expected = Buffer.from(this.sign(`${m[1]}.${m[2]}`));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    this.used.set(ticket, Number(m[1]));
    return true;
  }
}
