/**
 * What the routes tell the live streams: a reader's comment arrived in the desk's queue, an editor
 * handled one (the desk's other editors drop it; an approval reaches the thread's readers with the
 * new count). A failure here is logged and never fails the action itself, which is done already.
 */
import type { DeskEventMap, LiveEventMap } from '../../src/core/contract.ts';
import type { CommentRow, Status, Storage } from '../domain.ts';
import type { LiveHub } from './hub.ts';

/** The topic of a thread's readers' stream. */
export const threadTopic = (thread: string) => `thread:${thread}`;
export const DESK_TOPIC = 'desk';

export class LivePublisher {
  constructor(
    private readonly hub: LiveHub,
    private readonly storage: Storage,
    private readonly readerComment: (c: CommentRow) => LiveEventMap['comment']['comment'],
    private readonly autoCloseDays: number,
    private readonly log: (msg: string) => void,
  ) {}

  private async send(what: () => Promise<unknown>): Promise<void> {
    try {
      await what();
    } catch (e) {
      this.log(`[live] publishing: ${(e as Error).message}`);
    }
  }

  /** A thread event, e.g. `likes` from the like route: `live.thread(thread, 'likes', {commentId, likes})`. */
  thread<K extends 'comment' | 'count' | 'likes'>(thread: string, type: K, data: LiveEventMap[K]): Promise<void> {
    return this.send(() => this.hub.publish(threadTopic(thread), type, data));
  }

  /** A desk event (e.g. `queued` with a `reported` queue, later). */
  desk<K extends 'queued' | 'handled'>(type: K, data: DeskEventMap[K]): Promise<void> {
    return this.send(() => this.hub.publish(DESK_TOPIC, type, data));
  }

  /** A reader's comment was stored: pending ones go to the desk, approved ones to the readers. */
  created(c: { id: string; thread: string; status: Status; replay: boolean }): Promise<void> {
    return this.send(async () => {
      if (c.replay) return;
      if (c.status === 'pending') await this.desk('queued', { id: c.id, thread: c.thread, queue: 'pending' });
      else if (c.status === 'approved') await this.approved(c.id, c.thread);
    });
  }

  /** An editor's action: the desk hears it; readers hear of a change to what they see. */
  moderated(row: CommentRow & { previousStatus: Status }, by: string): Promise<void> {
    return this.send(async () => {
      if (row.status !== row.previousStatus)
        await this.desk('handled', { id: row.id, thread: row.thread, status: row.status, by });
      if (row.status === 'approved' && row.previousStatus !== 'approved') await this.approved(row.id, row.thread);
      else if (row.previousStatus === 'approved' && row.status !== 'approved')
        await this.thread(row.thread, 'count', { count: await this.count(row.thread) });
    });
  }

  private async approved(id: string, thread: string): Promise<void> {
    const [row, count] = await Promise.all([this.storage.comments.get(id), this.count(thread)]);
    if (row) await this.thread(thread, 'comment', { id, count, comment: this.readerComment(row) });
  }

  private async count(thread: string): Promise<number> {
    const [info] = await this.storage.comments.threadInfos([thread], this.autoCloseDays);
    return info?.count ?? 0;
  }
}
