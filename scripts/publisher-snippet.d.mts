export declare const SNIPPET_MARK: string;
/** The snippet's HTML, as written in README.md (the text between the fences). */
export declare function publisherSnippet(readme?: string): string;
/** The snippet with each CDN tag pinned to `version` and given the file's integrity. */
export declare function pinSnippet(snippet: string, version: string, integrity: Record<string, string>): string;
