import { css } from 'lit';

/** The rendered thread's styles: adopted with the view (list-view.ts). */
export const styles = css`
  .toolbar{display:flex;gap:.25rem;margin:0 0 var(--_gap)}
  [part~='sort']{padding:.3rem .7rem;min-height:2.25rem;border:1px solid var(--_border);border-radius:var(--_radius);background:var(--_surface)}
  [part~='sort'][aria-pressed='true']{background:var(--_surface-alt);font-weight:700;border-color:currentColor}
  .comment{padding:.6rem 0;border-top:1px solid var(--_border);outline-offset:-2px}
  /* Long threads: the browser skips rendering comments far off-screen (DOM order and find-in-page stay). */
  .long>.d0{content-visibility:auto;contain-intrinsic-size:auto 7rem}
  .list>.comment:first-child{border-top:0}
  .replies{margin-left:var(--news-comment-indent,1.25rem);padding-left:.75rem;border-left:2px solid var(--_border)}
  .replies .comment{padding:.45rem 0;border-top:0}
  [part~='comment-header']{font-size:.95em}
  [part~='comment-name']{font-weight:700}
  [part~='comment-time']{color:var(--_muted);font-size:.9em}
  .body{white-space:pre-line;overflow-wrap:anywhere;margin:.2rem 0}
  .html{white-space:normal}
  .html p{margin:.3rem 0}
  .html blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid var(--_border);color:var(--_muted)}
  .cue{color:var(--_muted);font-weight:600;margin-right:.3em}
  .status{margin:.2rem 0;font-size:.9em;color:var(--_muted);font-style:italic}
  .status.rejected{color:var(--_accent)}
  .actions button{padding:.2rem 0;min-height:2rem;border:0;background:none;color:var(--_link);font-size:.9em}
  .actions button:hover{text-decoration:underline}
  .empty{color:var(--_muted)}
  news-comment-form{margin:.5rem 0 .25rem}
`;
