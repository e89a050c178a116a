// The probe posts written for earshot, scored by the shipped analyser as `analyze` scores
// mentions: safety recall and false alarms, sarcastic complaints caught and never positive,
// complaints in unseen domains. bench/probes/*.jsonl were looked at while tuning (a dev set
// now), and so was bench/probes/heldout/ (written before the safety2 changes); heldout2/ was
// written before the unseen-branch changes and is the one never tuned on. Each is its own rows
// so they never blur. Part of `npm run bench:complaint`; alone:
// `node dist/tools/bench-probes.js`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMentionAnalyzer, type MentionAnalyzer } from '../analysis/analyze-mention.js';
import type { AnalysisRecord } from '../domain/analysis-record.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { REPO_ROOT } from './sentiment-data.js';

interface Probe { text: string; area: string; kind: string; label?: number; harmWord?: boolean; plain?: boolean }

function readProbes(name: string, dir = ''): Probe[] {
  return readFileSync(join(REPO_ROOT, 'bench', 'probes', dir, `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Probe);
}

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;

type Score = (text: string) => AnalysisRecord;

/** Safety, everyday, sarcasm (and sincere praise, where written) rows for one probe directory ('' = dev, 'heldout', 'heldout2'). */
function safetyRows(score: Score, dir: string): string[] {
  const lines: string[] = [];
  const safety = readProbes('safety', dir).map((p) => ({ p, r: score(p.text) }));
  const caught = safety.filter(({ r }) => r.safety).length;
  lines.push(`safety posts (${safety.length}, ${new Set(safety.map(({ p }) => p.area)).size} areas): recall ${pct(caught, safety.length)}, complaints ${pct(safety.filter(({ r }) => r.complaint).length, safety.length)}, positive ${pct(safety.filter(({ r }) => r.sentimentLabel === 'positive').length, safety.length)}`);
  const byArea = new Map<string, [number, number]>();
  for (const { p, r } of safety) { const e = byArea.get(p.area) ?? [0, 0]; e[0] += r.safety ? 1 : 0; e[1]++; byArea.set(p.area, e); }
  lines.push(`  worst areas: ${[...byArea].sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1]).slice(0, 4).map(([a, [h, n]]) => `${a} ${h}/${n}`).join(', ')}`);
  const everyday = readProbes('everyday', dir).map((p) => ({ p, r: score(p.text) }));
  const alarms = everyday.filter(({ r }) => r.safety);
  lines.push(`everyday posts (${everyday.length}): safety false alarms ${pct(alarms.length, everyday.length)} (harm-word posts ${pct(alarms.filter(({ p }) => p.harmWord).length, everyday.filter(({ p }) => p.harmWord).length)})`);
  const complaintGold = everyday.map(({ p }) => (p.kind === 'complaint' ? 1 : 0));
  lines.push(`  complaint macro-F1 ${computeMetrics(complaintGold, everyday.map(({ r }) => (r.complaint ? 1 : 0)), 2).macroF1.toFixed(3)}`);
  const sarcasm = readProbes('sarcasm', dir).map((p) => ({ p, r: score(p.text) }));
  lines.push(`sarcastic complaints (${sarcasm.length}): complaints ${pct(sarcasm.filter(({ r }) => r.complaint).length, sarcasm.length)}, scored positive ${pct(sarcasm.filter(({ r }) => r.sentimentLabel === 'positive').length, sarcasm.length)}`);
  if (existsSync(join(REPO_ROOT, 'bench', 'probes', dir, 'praise.jsonl'))) {
    const praise = readProbes('praise', dir).map((p) => ({ p, r: score(p.text) }));
    lines.push(`sincere praise (${praise.length}): scored positive ${pct(praise.filter(({ r }) => r.sentimentLabel === 'positive').length, praise.length)}, complaints ${pct(praise.filter(({ r }) => r.complaint).length, praise.length)}, safety ${pct(praise.filter(({ r }) => r.safety).length, praise.length)}`);
  }
  return lines;
}

export function benchProbes(analyze: MentionAnalyzer = createMentionAnalyzer({ brandTerms: {} })): string[] {
  let row = 0;
  const score: Score = (text) => analyze({ rowId: ++row, id: String(row), source: 'x', text, author: `a${row}`, lang: null, brands: ['Acme'] } as never);
  const lines: string[] = [`models ${analyze.modelVersion}`, 'dev (bench/probes/*.jsonl, looked at while tuning):'];
  lines.push(...safetyRows(score, '').map((l) => `  ${l}`));
  const domains = readProbes('domains').map((p) => ({ p, r: score(p.text) }));
  const gold = domains.map(({ p }) => p.label ?? 0);
  const predicted = domains.map(({ r }) => (r.complaint ? 1 : 0));
  const m = computeMetrics(gold, predicted, 2);
  const flagged = (label: number) => domains.filter(({ p, r }) => (p.label ?? 0) === label && r.complaint).length / Math.max(domains.filter(({ p }) => (p.label ?? 0) === label).length, 1);
  lines.push(`  unseen domains (${domains.length}): complaint macro-F1 ${m.macroF1.toFixed(3)}; complaints flagged ${(100 * flagged(1)).toFixed(1)}%, non-complaints flagged ${(100 * flagged(0)).toFixed(1)}%`);
  lines.push('held out (bench/probes/heldout, written before the safety2 changes, never tuned on):');
  lines.push(...safetyRows(score, 'heldout').map((l) => `  ${l}`));
  lines.push('held out 2 (bench/probes/heldout2, written before the unseen-branch changes, never tuned on):');
  lines.push(...safetyRows(score, 'heldout2').map((l) => `  ${l}`));
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${benchProbes().join('\n')}\n`);
