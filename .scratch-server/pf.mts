import { parseFeed } from '../src/core/feeds.ts';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
const f = parseFeed(readFileSync('demo/feeds/tin-tuc.rss.xml', 'utf8'), { url: 'https://tinhnha.example/rss/tin-tuc.rss', domParser: new DOMParser() as any });
console.log(f.items.length, f.generatedAt, f.title, JSON.stringify(f.items.slice(0, 2), null, 1));
