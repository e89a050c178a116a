import type { AnalysisFailure, AnalysisInput, AnalysisRecord } from '../domain/analysis-record.js';
import type { MentionAnalyzer } from './analyze-mention.js';

/** Kept apart from analyze-mention.ts, which loads the NLP model: the main thread needs these without it. */
export type AnalysisOutcome = AnalysisRecord | AnalysisFailure;

export function isFailure(outcome: AnalysisOutcome): outcome is AnalysisFailure {
  return 'reason' in outcome;
}

/**
 * One mention that the analyser cannot read must not stop every later one: its error
 * becomes a failure record (stored, shown by status, retried by the next model version).
 */
export function analyzeOrFail(analyze: MentionAnalyzer, input: AnalysisInput): AnalysisOutcome {
  try {
    const record = analyze(input);
    if (input.textHash !== undefined) record.textHash = input.textHash;
    return record;
  } catch (error) {
    return { rowId: input.rowId, modelVersion: analyze.modelVersion, reason: describeFailure(error) };
  }
}

export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return message.replace(/\s+/g, ' ').slice(0, 300);
}

