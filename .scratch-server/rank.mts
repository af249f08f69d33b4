import { Store } from '../server/db.ts';
import { seedDemo } from '../server/seed.ts';
const store = new Store({ file: ':memory:', now: () => Date.parse('2026-11-29T12:00:00Z') });
await seedDemo(store, process.cwd(), Date.parse('2026-11-29T12:00:00Z'));
for (const a of store.listArticles(100).items) {
  console.log(a.id.padEnd(42), '→', store.related({ id: a.id }, 4)!.map((r) => r.id).join('  '));
}
console.log(store.search('thanh hoa', 10).map((a) => a.id));
console.log(store.search('nông thôn', 10).map((a) => a.id));
