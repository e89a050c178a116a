// Complaint and safety probes per language (issue 32): `node dist/tools/bench-language-complaint.js [--tune]`.
// Reads bench/probes/languages/<lang>.jsonl; rows whose id hashes even (FNV-1a) are DEV,
// the rest HELD OUT. Prints, per language and half, complaint accuracy / F1 for earshot's
// cue scorer and for the baseline "the sentiment head says negative = complaint", and
// safety recall and false alarms. `--tune` grid-searches the weights on the DEV half only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { combine, countCues, LANGUAGE_COMPLAINT_WEIGHTS, type ComplaintWeights, type CueCounts } from '../analysis/language/complaint.js';
import { loadLanguageModels, scoreLanguageSentiment } from '../analysis/language/models.js';
import type { SentimentResult } from '../analysis/sentiment/types.js';
import { REPO_ROOT } from './sentiment-data.js';

export const PROBE_LANGUAGES = ['fr', 'de', 'es', 'pt', 'it'] as const;

interface Probe { id: string; text: string; complaint: number; safety: number; kind: string }
interface Scored { probe: Probe; cues: CueCounts; sentiment: SentimentResult }

/** DEV when the id's FNV-1a hash is even: the same ids in every language. */
export function isDev(id: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 0;
}

export function readProbes(lang: string): Probe[] {
  return readFileSync(join(REPO_ROOT, 'bench', 'probes', 'languages', `${lang}.jsonl`), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line) as Probe);
}

interface Figures { acc: number; f1: number; fp: number; fn: number; safetyRecall: number; safetyFalse: number }

function figures(rows: Scored[], predict: (s: Scored) => { complaint: boolean; safety: boolean }): Figures {
  let tp = 0, fp = 0, fn = 0, tn = 0, harm = 0, harmFound = 0, safe = 0, falseAlarm = 0;
  for (const s of rows) {
    const p = predict(s);
    const gold = s.probe.complaint === 1;
    if (p.complaint && gold) tp++; else if (p.complaint) fp++; else if (gold) fn++; else tn++;
    if (s.probe.safety === 1) { harm++; if (p.safety) harmFound++; } else { safe++; if (p.safety) falseAlarm++; }
  }
  return { acc: (tp + tn) / rows.length, f1: (2 * tp) / Math.max(2 * tp + fp + fn, 1), fp, fn,
    safetyRecall: harmFound / Math.max(harm, 1), safetyFalse: falseAlarm / Math.max(safe, 1) };
}

function scoreAll(): Map<string, Scored[]> {
  const models = loadLanguageModels();
  const out = new Map<string, Scored[]>();
  for (const lang of PROBE_LANGUAGES) {
    const model = models.sentiment.get(lang);
    if (!model) throw new Error(`no sentiment model for ${lang}`);
    out.set(lang, readProbes(lang).map((probe) => ({ probe, cues: countCues(lang, probe.text)!, sentiment: scoreLanguageSentiment(model, probe.text) })));
  }
  return out;
}

const ours = (w: Readonly<ComplaintWeights>) => (s: Scored) => combine(s.cues, s.sentiment, w);
const baseline = (s: Scored) => ({ complaint: s.sentiment.label === 'negative', safety: false });

/** The cue scorer against the baseline, per language, on DEV and HELD-OUT. */
export function benchLanguageComplaint(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): void {
  const all = scoreAll();
  write('Complaint probes per language (bench/probes/languages/, 60 a language, about half dev, half held out; ids q01-q16 are round 2)');
  write('lang  half      earshot acc  F1     | baseline (negative = complaint) acc  F1    | safety recall  false alarms');
  const pooled: Record<'dev' | 'held', Scored[]> = { dev: [], held: [] };
  const line = (lang: string, half: string, rows: Scored[]) => {
    const a = figures(rows, ours(LANGUAGE_COMPLAINT_WEIGHTS));
    const b = figures(rows, baseline);
    write(`${lang.padEnd(5)} ${half.padEnd(9)} ${a.acc.toFixed(2).padStart(11)}  ${a.f1.toFixed(2)}   | ${b.acc.toFixed(2).padStart(36)}  ${b.f1.toFixed(2)}  | ${a.safetyRecall.toFixed(2).padStart(13)}  ${a.safetyFalse.toFixed(2)}`);
  };
  for (const [lang, rows] of all) {
    const dev = rows.filter((s) => isDev(s.probe.id));
    const held = rows.filter((s) => !isDev(s.probe.id));
    pooled.dev.push(...dev);
    pooled.held.push(...held);
    line(lang, 'dev', dev);
    line(lang, 'held-out', held);
  }
  line('all', 'dev', pooled.dev);
  line('all', 'held-out', pooled.held);
  // round 2 (stuck parcels, restarting devices, price rises, "fed up"), written before the cues it led to
  const round2 = (rows: Scored[]) => rows.filter((s) => s.probe.id.startsWith('q'));
  const round1 = (rows: Scored[]) => rows.filter((s) => !s.probe.id.startsWith('q'));
  line('p-rows', 'dev', round1(pooled.dev));
  line('p-rows', 'held-out', round1(pooled.held));
  line('q-rows', 'dev', round2(pooled.dev));
  line('q-rows', 'held-out', round2(pooled.held));
  // the older sentiment probes (issue 32's first part): their negative posts are all complaints
  const models = loadLanguageModels();
  const older = readFileSync(join(REPO_ROOT, 'bench', 'probes', 'languages.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { lang: string; text: string; label: number })
    .filter((p) => (PROBE_LANGUAGES as readonly string[]).includes(p.lang))
    .map((p) => ({ probe: { id: '', text: p.text, complaint: p.label === 0 ? 1 : 0, safety: 0, kind: '' }, cues: countCues(p.lang, p.text)!,
      sentiment: scoreLanguageSentiment(models.sentiment.get(p.lang)!, p.text) }));
  const a = figures(older, ours(LANGUAGE_COMPLAINT_WEIGHTS));
  const b = figures(older, baseline);
  write(`bench/probes/languages.jsonl (${older.length} posts, negative = complaint): earshot acc ${a.acc.toFixed(2)}, baseline ${b.acc.toFixed(2)}`);
}

/** Grid search on the DEV half only: prints the best weights by pooled dev accuracy. */
function tune(): void {
  const dev = [...scoreAll().values()].flat().filter((s) => isDev(s.probe.id));
  let best = { acc: -1, w: LANGUAGE_COMPLAINT_WEIGHTS };
  for (const bias of [-3, -2.5, -2, -1.5, -1]) for (const problem of [1, 1.6, 2.2]) for (const fixed of [-1, -2, -3])
    for (const negative of [1, 2.5, 4]) for (const positive of [0, -1.5, -3]) {
      const w = { ...LANGUAGE_COMPLAINT_WEIGHTS, bias, problem, fixed, negative, positive };
      const acc = figures(dev, ours(w)).acc;
      if (acc > best.acc + 1e-9) best = { acc, w };
    }
  process.stdout.write(`best on dev: ${best.acc.toFixed(3)} ${JSON.stringify(best.w)}\n`);
  for (const s of dev) {
    const p = combine(s.cues, s.sentiment, LANGUAGE_COMPLAINT_WEIGHTS);
    if (p.complaint !== (s.probe.complaint === 1) || p.safety !== (s.probe.safety === 1)) {
      process.stdout.write(`  dev miss ${s.probe.id} ${p.score.toFixed(2)} ${JSON.stringify(s.cues)} neg ${s.sentiment.probs.negative.toFixed(2)}: ${s.probe.text}\n`);
    }
  }
}

if (process.argv[1]?.endsWith('bench-language-complaint.js')) {
  if (process.argv.includes('--tune')) tune(); else benchLanguageComplaint();
}
