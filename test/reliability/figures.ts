import { appendFileSync, existsSync } from 'node:fs';
import { inject } from 'vitest';

/** What each reliability file proved, summed by the global teardown into one summary. */
export interface Figures {
  killsSurvived?: number;
  faultsInjected?: number;
  fuzzCases?: number;
  hostileCases?: number;
  secretsChecked?: number;
  secretsFound?: number;
  injectionAttempts?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityFigures: string;
  }
}

/** Prints one summary line for a file and appends its figures for the suite summary. */
export function recordFigures(file: string, figures: Figures, detail = ''): void {
  const line = Object.entries(figures).map(([key, value]) => `${key}=${value}`).join(' ');
  console.log(`[reliability] ${file}: ${line}${detail ? ` (${detail})` : ''}`);
  let path: string | undefined;
  try {
    path = inject('reliabilityFigures');
  } catch {
    path = undefined;
  }
  if (path && existsSync(path)) appendFileSync(path, `${JSON.stringify({ file, ...figures })}\n`);
}
