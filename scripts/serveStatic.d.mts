export declare const CSP: string;
export declare function resolveInside(root: string, urlPath: string): string | null;
export declare function serveStatic(
  root: string,
  port?: number,
): Promise<{ url: string; stop(): Promise<void> }>;
