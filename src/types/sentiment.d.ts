// Minimal types for the `sentiment` package (AFINN-165), used only by the benchmark.
declare module 'sentiment' {
  interface AnalysisResult {
    score: number;
    comparative: number;
    tokens: string[];
    words: string[];
    positive: string[];
    negative: string[];
  }
  class Sentiment {
    constructor(options?: Record<string, unknown>);
    analyze(phrase: string, options?: { language?: string; extras?: Record<string, number> }): AnalysisResult;
  }
  export = Sentiment;
}
