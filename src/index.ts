/**
 * news-widgets: every reader-facing element. Importing this module defines `news-related`,
 * `news-most-read`, `news-share`, `news-comments` and the comment parts.
 */
export * from './related/index.js';
export * from './most-read/index.js';
export * from './share/index.js';
export * from './comments/index.js';
