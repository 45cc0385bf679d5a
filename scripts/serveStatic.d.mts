export declare const CSP: string;
export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare function allowedHost(host: string | undefined, port: number): boolean;
export declare function resolveInside(root: string, urlPath: string): string | null;
export declare function serveStatic(
  root: string,
  port?: number,
): Promise<{ url: string; stop(): Promise<void> }>;
