// What the e2e global setup provides to tests (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    reliefWebUrl: string;
  }
}
export {};
