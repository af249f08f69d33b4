/**
 * What the reader liked, remembered in `localStorage` (`news-widgets:likes`), so the "Thích"
 * buttons show the reader's own state without accounts or cookies. The server keeps the count
 * and de-duplicates on its side; this only remembers which buttons to show pressed. Blocked or
 * full storage: remembered for this page only.
 */
const KEY = 'news-widgets:likes';
/** The most remembered; the oldest go first. */
const MAX = 2000;

const keyOf = (api: string, id: string) => `${api} ${id}`;

export class LikeStore {
  private liked: string[] | null = null;

  constructor(private readonly storage: Storage | null = defaultStorage()) {}

  private load(): string[] {
    if (this.liked) return this.liked;
    let list: unknown = null;
    try {
      list = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
    } catch {
      // Unreadable: start again.
    }
    this.liked = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
    return this.liked;
  }

  has(api: string, id: string): boolean {
    return this.load().includes(keyOf(api, id));
  }

  set(api: string, id: string, liked: boolean): void {
    const key = keyOf(api, id);
    const list = this.load().filter((x) => x !== key);
    if (liked) list.push(key);
    this.liked = list.slice(-MAX);
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.liked));
    } catch {
      // Private mode or quota: this page still remembers.
    }
  }
}

function defaultStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

let shared: LikeStore | undefined;

/** The page's like store, shared by every list. */
export const sharedLikeStore = (): LikeStore => (shared ??= new LikeStore());
