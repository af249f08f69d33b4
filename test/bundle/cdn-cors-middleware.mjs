/**
 * The publisher files as a CDN serves them: `/dist/cdn/…` answers with
 * `Access-Control-Allow-Origin: *`, which a page on another origin needs to run them as module
 * scripts. The bundle tests load them from the test server's other host name (127.0.0.1 vs
 * localhost), so the page and the files really are on two origins.
 */
export async function cdnCorsMiddleware(ctx, next) {
  await next();
  if (ctx.path.startsWith('/dist/cdn/')) ctx.set('Access-Control-Allow-Origin', '*');
}
