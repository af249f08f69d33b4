import { css } from 'lit';

// Kept on a few lines on purpose: Lit's css`` is not minified by the build and this entry has a
// 9 KB gzip budget including Lit.
export const styles = css`
.top,.row,ul{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0;padding:0;list-style:none}
.top{align-items:flex-start}
[part~=heading]{flex:1}
[part~=button]{display:inline-flex;align-items:center;justify-content:center;gap:.4em;min-width:2.75rem;height:2.75rem;padding:0 .6rem;border:1px solid var(--_border);border-radius:var(--news-share-radius,2rem);background:var(--_surface);color:var(--news-share-color,var(--_link));font:inherit;cursor:pointer}
[part~=button]:hover{background:var(--_surface-alt);text-decoration:none}
[part~=button] svg{width:1.25rem;height:1.25rem}
[part~=status]{color:var(--_muted);font-size:.875em}
`;
