// Types of build-ui.mjs for the TypeScript callers (the e2e harness, the UI benchmark).
export declare const UI_DIR: string;
export declare const UI_DIST: string;
export declare function uiStale(): boolean;
export declare function ensureUiBuilt(options?: { force?: boolean }): void;
