declare module 'eslump' {
  export interface GenerateRandomJSOptions {
    sourceType?: 'module' | 'script';
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }
  /** A random program from shift-fuzzer, printed with random formatting. Uses Math.random. */
  export function generateRandomJS(options?: GenerateRandomJSOptions): string;
}
