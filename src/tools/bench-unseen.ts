// The unseen-words benchmark in one short run (`npm run bench:unseen`): safety false alarms on
// everyday posts the safety head never trained on (SemEval-2017 test tweets, the 4–5 star
// Amazon reviews outside its training sixth), SemEval-2017 macro-F1 as stored (every head
// applied), the irony test split's ironic tweets scored positive, and the probe sets
// (bench-probes.ts). Evaluation only: nothing here is trained or tuned on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionAnalyzer } from '../analysis/analyze-mention.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { SENTIMENT_LABELS } from '../analysis/sentiment/types.js';
import { benchProbes } from './bench-probes.js';
import { hashOf } from './text-hash.js';
import { decodeEntities, readFlag, readLabelledSet, REPO_ROOT } from './sentiment-data.js';

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)} %`;

export function benchUnseen(dataDir: string, paths: { safetyModelPath?: string; ironyModelPath?: string } = {}): string[] {
  const analyze = createMentionAnalyzer({ brandTerms: {}, ...paths });
  let row = 0;
  const score = (text: string) => analyze({ rowId: ++row, id: String(row), source: 'x', author: `a${row}`, text, lang: 'en', brands: ['bench'] });
  const lines = [`models ${analyze.modelVersion}`];
  const semeval = readLabelledSet(join(dataDir, 'sentiment'), 'semeval2017-test', 'test');
  const records = semeval.texts.map((t) => score(decodeEntities(t)));
  const stored = records.map((r) => SENTIMENT_LABELS.indexOf(r.sentimentLabel as never));
  lines.push(`semeval2017-test (${records.length}): macro-F1 as stored (every head) ${computeMetrics(semeval.labels, stored).macroF1.toFixed(3)}; safety false alarms ${pct(records.filter((r) => r.safety).length, records.length)}`);
  // 4–5 star reviews the safety head did not train on (it reads the sixth whose hash % 3 is 0)
  const reviews = jsonl<{ text: string; label: number }>(join(dataDir, 'complaints/amazon-multidomain/data.jsonl'))
    .filter((r) => r.label === 0 && hashOf(r.text) % 3 !== 0);
  const flagged = reviews.filter((r) => score(r.text).safety).length;
  lines.push(`amazon-multidomain 4–5 star reviews outside safety training (${reviews.length}): safety false alarms ${pct(flagged, reviews.length)}`);
  const irony = jsonl<{ text: string; ironic: number }>(join(dataDir, 'irony/semeval2018-task3/test.jsonl'));
  const ironic = irony.filter((r) => r.ironic === 1).map((r) => score(r.text));
  const notIronic = irony.filter((r) => r.ironic === 0).map((r) => score(r.text));
  lines.push(`irony test split: ironic tweets (${ironic.length}) scored positive ${pct(ironic.filter((r) => r.sentimentLabel === 'positive').length, ironic.length)}; non-ironic (${notIronic.length}) scored positive ${pct(notIronic.filter((r) => r.sentimentLabel === 'positive').length, notIronic.length)}`);
  return [...lines, ...benchProbes(analyze).slice(1)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const paths = { safetyModelPath: readFlag(argv, '--safety'), ironyModelPath: readFlag(argv, '--irony') };
  process.stdout.write(`${benchUnseen(readFlag(argv, '--data') ?? join(REPO_ROOT, '../shared/data'), paths).join('\n')}\n`);
}
