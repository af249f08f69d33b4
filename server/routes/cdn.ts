/**
 * The publisher files of `dist/cdn/`, served as a CDN would serve them:
 * - `/cdn/<version>/…` (the version of package.json): `Cache-Control: public, max-age=31536000, immutable`.
 *   A new release is a new path, so a browser never asks twice and never keeps an old file.
 * - `/cdn/…`: `no-cache` with a strong ETag; the browser revalidates and gets a 304 when nothing changed.
 * Both answer with `Access-Control-Allow-Origin: *` (a module script or an `integrity` check on
 * another origin needs CORS) and `Cross-Origin-Resource-Policy: cross-origin` (pages with COEP).
 * Files are read from disk (dist/ may be built after the server starts) and kept in memory
 * while their size and modification time stay the same.
 */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Config } from '../config.ts';
import type { Env } from '../http/context.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

interface CachedFile {
  stamp: string;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** The version publishers pin in their URLs: package.json's, read once. */
export function packageVersion(rootDir: string): string {
  try {
    const { version } = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' && /^[\w.+-]+$/.test(version) ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function cdnRoutes(config: Config) {
  const r = new Hono<Env>();
  const root = resolve(config.rootDir, 'dist', 'cdn');
  const version = packageVersion(config.rootDir);
  const files = new Map<string, CachedFile>();

  /** The file under dist/cdn for a URL path, or null: no dot segments, no backslashes, nothing outside. */
  const locate = (path: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    const segments = decoded.split('/');
    if (!decoded || decoded.includes('\\') || decoded.includes('\0')) return null;
    if (segments.some((segment) => !segment || segment === '.' || segment === '..')) return null;
    const file = resolve(root, ...segments);
    return file.startsWith(root + sep) ? file : null;
  };

  const read = (file: string): CachedFile | null => {
    let stamp: string;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return null;
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return null;
    }
    const cached = files.get(file);
    if (cached?.stamp === stamp) return cached;
    const body = new Uint8Array(readFileSync(file));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const entry = { stamp, body, etag };
    files.set(file, entry);
    return entry;
  };

  const serve = (c: Context, path: string, cacheControl: string) => {
    const file = locate(path);
    const found = file && read(file);
    if (!found) return c.json({ error: { code: 'not_found', message: `No file /cdn/${path}.` } }, 404);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Timing-Allow-Origin', '*');
    c.header('Cache-Control', cacheControl);
    c.header('ETag', found.etag);
    const match = c.req.header('if-none-match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === found.etag))
      return c.body(null, 304);
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(found.body, 200);
  };

  r.on(['GET', 'HEAD'], '/*', (c) => {
    const path = c.req.path.replace(/^\/cdn\//, '');
    const [first, ...rest] = path.split('/');
    if (first === version && rest.length) return serve(c, rest.join('/'), IMMUTABLE);
    return serve(c, path, 'no-cache');
  });
  return r;
}
