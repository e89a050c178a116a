import { stringify } from 'csv-stringify/sync';
import type { BrandComparison, Comparison } from '../domain/compare.js';
import { count, percent } from './sparkline.js';
import { renderTable } from './table.js';
import { neutraliseCell } from './csv.js';
import { INCOMPLETE, warningLines } from './report-text.js';

const HEAD = ['brand', 'mentions', 'voices', 'share (mentions)', 'share (voices)', 'Δ share', 'positive', 'negative', 'net', 'complaints', 'engagement', 'top issues'];

/** Signed percentage points: 0.046 → "+4.6 pt" (share changes and net sentiment, in every format a person reads). */
export function signed(x: number): string {
  const points = Math.round(x * 1000) / 10;
  return `${points > 0 ? '+' : ''}${points.toFixed(1)} pt`;
}

function cells(b: BrandComparison): Array<string | number> {
  return [b.brand, b.mentions, b.voices, percent(b.shareOfMentions), percent(b.shareOfVoices), signed(b.shareChange),
    percent(b.positiveShare), percent(b.negativeShare), signed(b.netSentiment), percent(b.complaintShare),
    b.engagement, b.topIssues.map((i) => i.label).join('; ') || '—'];
}

function headline(c: Comparison): string {
  const period = `${c.period.from.slice(0, 16).replace('T', ' ')} to ${c.period.to.slice(0, 16).replace('T', ' ')} UTC`;
  const move = c.biggestMove ? `; biggest move: ${c.biggestMove.brand} ${signed(c.biggestMove.shareChange)} share against the period before` : '';
  return `${c.set ?? c.brands.map((b) => b.brand).join(' vs ')}: ${period}${move}`;
}

export function renderCompareTable(c: Comparison, color = false): string {
  return [headline(c), ...warningLines(c.warnings), renderTable(HEAD, c.brands.map(cells), color)].join('\n');
}

export function renderCompareMarkdown(c: Comparison): string {
  const esc = (v: string | number) => (typeof v === 'number' ? count(v) : v).replace(/[|\\`*_<>[\]]/g, (ch) => `\\${ch}`);
  const warned = c.warnings.length ? [`> **⚠ ${INCOMPLETE}:**`, ...c.warnings.map((w) => `> - ${esc(w.message)}`), ''] : [];
  const lines = [`# ${esc(headline(c))}`, '', ...warned, `| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`];
  for (const b of c.brands) lines.push(`| ${cells(b).map(esc).join(' | ')} |`);
  lines.push('', `## Share of mentions per ${c.bucket}`, '', `| from | ${c.brands.map((b) => esc(b.brand)).join(' | ')} |`,
    `|---|${c.brands.map(() => '---:').join('|')}|`);
  for (const bucket of c.buckets) lines.push(`| ${bucket.from.slice(0, 10)} | ${bucket.brands.map((b) => `${percent(b.shareOfMentions)} (${count(b.mentions)})`).join(' | ')} |`);
  return lines.join('\n');
}

/** One row per bucket and brand, then the whole period as bucket "total": a pivot-table shape. */
export function renderCompareCsv(c: Comparison): string {
  const rows: Array<Array<string | number>> = [['from', 'to', 'brand', 'mentions', 'analysed', 'voices', 'share_of_mentions', 'share_of_voices',
    'positive_share', 'negative_share', 'net_sentiment', 'complaint_share', 'engagement']];
  const add = (from: string, to: string, b: Comparison['buckets'][number]['brands'][number]) => rows.push([from, to, neutraliseCell(b.brand),
    b.mentions, b.analysed, b.voices, b.shareOfMentions, b.shareOfVoices, b.positiveShare, b.negativeShare, b.netSentiment, b.complaintShare, b.engagement]);
  for (const bucket of c.buckets) for (const b of bucket.brands) add(bucket.from, bucket.to, b);
  for (const b of c.brands) add(c.period.from, c.period.to, b);
  return stringify(rows).trimEnd();
}
