// How many texts the analyser scores differently on a second pass through the same
// process (issue 18 found 164 of the 47,376 SemEval training texts before the fix):
// any difference means a result depended on what was analysed before.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionAnalyzer } from '../../analysis/analyze-mention.js';
import { readLabelledSet, resolveDataDir } from '../sentiment-data.js';
import { benchInput } from './wink-rate.js';

export interface SecondPass {
  texts: number;
  differing: number;
  /** Differing records per output field. */
  fields: Record<string, number>;
}

export function countSecondPassDifferences(texts: readonly string[]): SecondPass {
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const first = texts.map((text, i) => analyze(benchInput(text, i)));
  const fields: Record<string, number> = {};
  let differing = 0;
  texts.forEach((text, i) => {
    const again = analyze(benchInput(text, i));
    const before = first[i]! as unknown as Record<string, unknown>;
    const changed = Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify((again as unknown as Record<string, unknown>)[k]));
    if (changed.length > 0) differing++;
    for (const k of changed) fields[k] = (fields[k] ?? 0) + 1;
  });
  return { texts: texts.length, differing, fields };
}

/** The SemEval 2013–2016 training texts from ../shared/data, or null when that is absent. */
export function readSemevalTrainTexts(): string[] | null {
  const dir = resolveDataDir([]);
  if (!existsSync(join(dir, 'semeval2013-2016-train', 'train_text.txt'))) return null;
  return readLabelledSet(dir, 'semeval2013-2016-train', 'train').texts;
}
