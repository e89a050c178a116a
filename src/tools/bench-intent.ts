// `npm run bench:intent`: the shipped intent heads, scored as `analyze` scores mentions, on
// sets they never trained on: suggestion F1 on the SemEval-2019 trial sets (forum, hotel
// reviews), question F1 and feature-request precision/recall on the held-out fold 0 of the VLC
// forum sentences and of the CLAP app reviews, both heads on the written probe posts
// (bench/probes/intent.jsonl and ideas.jsonl: brand suggestions, tips to other customers and
// neither), what the ideas list keeps of the latter (a suggestion addressed to the brand), and
// the whole analyser's speed in mentions per CPU-second. `--intent-model FILE` scores with
// another intent model; `--no-trial` leaves the SemEval trial sets out (a tuning run must not see them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionAnalyzer } from '../analysis/analyze-mention.js';
import type { AnalysisRecord } from '../domain/analysis-record.js';
import { hashOf } from './safety-data.js';
import { isSuggestionForBrand } from '../analysis/intent/addressee.js';
import { f1At } from './train-intent.js';
import { REPO_ROOT, readFlag } from './sentiment-data.js';

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

type Scored = { gold: number; record: AnalysisRecord };
const fmt = (m: { f1: number; precision: number; recall: number }) => `F1 ${m.f1.toFixed(3)} (P ${m.precision.toFixed(3)}, R ${m.recall.toFixed(3)})`;

function measure(rows: Scored[], head: 'question' | 'suggestion') {
  return f1At(rows.map((r) => r.gold), rows.map((r) => (r.record[head] ? 1 : 0)), 0.5);
}

export interface BenchIntentOptions { intentModelPath?: string; trial?: boolean }

export function benchIntent(dataDir: string, options: BenchIntentOptions = {}): string[] {
  const analyze = createMentionAnalyzer({ brandTerms: {}, intentModelPath: options.intentModelPath });
  let row = 0;
  const score = (text: string): AnalysisRecord => analyze({ rowId: ++row, id: String(row), source: 'x', text, author: `a${row}`, lang: null, brands: ['Acme'] } as never);
  const dir = join(dataDir, 'intent');
  const lines = [`models ${analyze.modelVersion}`, '', '| set | rows (positive) | head | result | target |', '|---|---:|---|---|---|'];
  const add = (set: string, rows: Scored[], head: 'question' | 'suggestion', target: string) => {
    lines.push(`| ${set} | ${rows.length} (${rows.filter((r) => r.gold).length}) | ${head} | ${fmt(measure(rows, head))} | ${target} |`);
  };
  const trial = jsonl<{ text: string; suggestion: number; set: string }>(join(dir, 'semeval2019-suggestions/trial.jsonl'));
  if (options.trial !== false) for (const [set, name] of [['trial-A', 'SemEval-2019 trial A (forum)'], ['trial-B', 'SemEval-2019 trial B (hotel reviews)']] as const) {
    add(name, trial.filter((r) => r.set === set).map((r) => ({ gold: r.suggestion, record: score(r.text) })), 'suggestion', 'F1 ≥ 0.70');
  }
  const forum = jsonl<{ text: string; label: string }>(join(dir, 'tizard-vlc-forum/data.jsonl')).filter((r) => hashOf(r.text) % 10 === 0);
  const asks = (r: { text: string; label: string }) => ['question on application', 'information seeking', 'information seeking (uncertain)', 'requesting more information'].includes(r.label)
    || (r.label === 'help seeking' && !/^\W*thank/i.test(r.text));
  add('VLC forum, held-out fold', forum.filter((r) => r.label !== 'help seeking' || asks(r)).map((r) => ({ gold: asks(r) ? 1 : 0, record: score(r.text) })), 'question', 'F1 ≥ 0.80');
  const reviews = jsonl<{ text: string; category: string }>(join(dir, 'clap-app-reviews/data.jsonl')).filter((r) => hashOf(r.text) % 10 === 0);
  add('CLAP app reviews, held-out fold (FEATURE)', reviews.map((r) => ({ gold: r.category === 'FEATURE' ? 1 : 0, record: score(r.text) })), 'suggestion', 'R ≥ 0.70 at P ≥ 0.60');
  const probes = jsonl<{ text: string; question: number; suggestion: number }>(join(REPO_ROOT, 'bench/probes/intent.jsonl'));
  const scoredProbes = probes.map((p) => ({ p, record: score(p.text) }));
  add('written probe posts', scoredProbes.map(({ p, record }) => ({ gold: p.question, record })), 'question', 'F1 ≥ 0.80');
  add('written probe posts', scoredProbes.map(({ p, record }) => ({ gold: p.suggestion, record })), 'suggestion', '—');
  lines.push(...ideasProbeLines(score));
  lines.push('', speedLine(analyze, [...trial.map((r) => r.text), ...probes.map((p) => p.text)]));
  return lines;
}

type IdeaProbe = { text: string; kind: 'brand' | 'tip' | 'none'; suggestion: number; brand: number };

/**
 * bench/probes/ideas.jsonl, each half (even text hash: the dev half the addressee rules were
 * written against; odd: held out): the suggestion head against `suggestion`, and what the
 * ideas list keeps (flagged and addressed to the brand) against `brand`.
 */
function ideasProbeLines(score: (text: string) => AnalysisRecord): string[] {
  const rows = jsonl<IdeaProbe>(join(REPO_ROOT, 'bench/probes/ideas.jsonl')).map((p) => ({ p, record: score(p.text) }));
  const lines: string[] = [];
  for (const [half, even] of [['dev', true], ['held out', false]] as const) {
    const part = rows.filter(({ p }) => (hashOf(p.text) % 2 === 0) === even);
    const name = `written ideas probes, ${half} half`;
    lines.push(`| ${name} | ${part.length} (${part.filter(({ p }) => p.suggestion).length}) | suggestion | ${fmt(measure(part.map(({ p, record }) => ({ gold: p.suggestion, record })), 'suggestion'))} | — |`);
    const kept = part.map(({ p, record }) => ({ gold: p.brand, kept: record.suggestion === true && isSuggestionForBrand(p.text) }));
    const m = f1At(kept.map((k) => k.gold), kept.map((k) => (k.kept ? 1 : 0)), 0.5);
    const tips = part.filter(({ p }) => p.kind === 'tip');
    const leaked = tips.filter(({ p, record }) => record.suggestion === true && isSuggestionForBrand(p.text)).length;
    lines.push(`| ${name} | ${part.length} (${part.filter(({ p }) => p.brand).length}) | ideas (suggestion for the brand) | ${fmt(m)}; tips kept ${leaked}/${tips.length} | — |`);
  }
  return lines;
}

/** The whole analyser (every head), mentions per CPU-second, after a warm-up pass. */
function speedLine(analyze: ReturnType<typeof createMentionAnalyzer>, texts: string[]): string {
  const run = (rounds: number) => { for (let k = 0; k < rounds; k++) texts.forEach((text, i) => analyze({ rowId: i + 1, id: String(i), source: 'x', text: `${text} ${k}`, author: `a${i}`, lang: null, brands: ['Acme'] } as never)); };
  run(1);
  const start = process.cpuUsage();
  const rounds = 4;
  run(rounds);
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  return `analyser speed: ${Math.round((rounds * texts.length) / seconds).toLocaleString('en-US')} mentions per CPU-second (${rounds * texts.length} mentions, target ≥ 9,000)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const options = { intentModelPath: readFlag(argv, '--intent-model'), trial: !argv.includes('--no-trial') };
  process.stdout.write(`${benchIntent(readFlag(argv, '--data') ?? join(REPO_ROOT, '../shared/data'), options).join('\n')}\n`);
}
