export declare const root: string;
export declare const cliOutDir: string;
export declare const cliEntry: string;
export declare const workerEntry: string;
export declare function sourceFingerprint(): string | null;
export declare function cliIsFresh(): boolean;
export declare function buildCli(opts?: { quiet?: boolean }): Promise<void>;
export declare function ensureCliBuilt(opts?: { quiet?: boolean }): Promise<string>;
