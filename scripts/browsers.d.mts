export declare const CHROMIUM_FLAGS: string[];
export declare const CHROME_CANDIDATES: (string | undefined)[];
export declare const FIREFOX_CANDIDATES: (string | undefined)[];
export declare function firstExisting(candidates: (string | undefined)[]): string | undefined;
