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
  /** In the order liked (a Set keeps insertion order), so the oldest go first past `MAX`. */
  private liked: Set<string> | null = null;

  constructor(private readonly storage: Storage | null = defaultStorage()) {}

  private load(): Set<string> {
    if (this.liked) return this.liked;
    let list: unknown = null;
    try {
      list = JSON.parse(this.storage?.getItem(KEY) ?? '[]');
    } catch {
      // Unreadable: start again.
    }
    this.liked = new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
    return this.liked;
  }

  /** Asked for every comment on every render: a Set lookup. */
  has(api: string, id: string): boolean {
    return this.load().has(keyOf(api, id));
  }

  set(api: string, id: string, liked: boolean): void {
    const key = keyOf(api, id);
    const set = this.load();
    if (set.has(key) === liked) return;
    if (liked) set.add(key);
    else set.delete(key);
    for (const oldest of set) {
      if (set.size <= MAX) break;
      set.delete(oldest);
    }
    try {
      this.storage?.setItem(KEY, JSON.stringify([...set]));
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
