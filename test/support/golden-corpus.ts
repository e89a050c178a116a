import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisInput, AnalysisRecord, Store } from '../../src/store/store.js';
import { seededRandom } from '../../src/analysis/seeded-random.js';

/**
 * A fixed corpus for before/after comparisons of search, report and export output. It
 * is scored by a stand-in analyser (words → terms, a hash → sentiment), not the real
 * one, so the outputs depend on the store and the report code only: a change to the NLP
 * does not move them. Re-imports edit texts, repeat an id inside one batch, refresh
 * metrics and link mentions to a second brand, so the write path's corners are in it.
 */
export const GOLDEN_END = new Date('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;

const WORDS = ['tea', 'kettle', 'mug', 'bag', 'plastic', 'delivery', 'late', 'box', 'green', 'chai', 'milk', 'lemon',
  'price', 'offer', 'shop', 'app', 'login', 'error', 'refund', 'taste', 'smell', 'cup', 'morning', 'night', 'blend',
  'leaf', 'loose', 'strong', 'weak', 'sweet', 'bitter', 'fresh', 'stale', 'order', 'parcel', 'courier', 'lid', 'spout',
  'handle', 'café', 'naïve', 'rooibos', 'matcha', 'oolong', 'sencha', 'earl', 'grey', 'breakfast', 'herbal', 'mint'];
const HOSTILE = ['=SUM(A1:A9)', '+cmd|calc', '-2+3', '@here', 'line one\nline two', 'cr\rcell', 'crlf\r\n=1', '"quoted", comma',
  '🫖 emoji ☕', '\ttab start', 'semi; colon'];

const prng = seededRandom;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mentionAt(i: number, rand: () => number): MentionInput {
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const issue = i % 9 === 0;
  // the issue rises over the last 48 h; chatter spreads over 20 days
  const ageHours = issue ? rand() * 48 : rand() * 20 * 24;
  const words = Array.from({ length: 3 + Math.floor(rand() * 8) }, pick);
  if (issue) words.splice(1, 0, 'dye', 'leak');
  if (i % 37 === 0) words.push(HOSTILE[i % HOSTILE.length]!);
  const brand = i % 4 === 0 ? 'Boilco' : 'Acme';
  return {
    id: `g${i}`, source: i % 5 === 0 ? 'reddit' : 'x', brand, alsoBrands: i % 11 === 0 ? [brand === 'Acme' ? 'Boilco' : 'Acme'] : undefined,
    createdAt: new Date(GOLDEN_END.getTime() - Math.floor(ageHours * HOUR) - 1000 * (i % 60)).toISOString(),
    text: words.join(' '), author: i % 13 === 0 ? null : `user${Math.floor(rand() * 300)}`,
    url: i % 3 === 0 ? `https://example.com/p/${i}` : null, lang: 'en',
    metrics: { likes: Math.floor(rand() * 20), replies: i % 2 ? Math.floor(rand() * 5) : undefined, reposts: 0 },
    raw: { n: i },
  };
}

/** Stand-in scores: the same text always gets the same record. */
export function score(input: AnalysisInput): AnalysisRecord {
  const h = hash(input.text);
  const words = [...new Set(input.text.toLowerCase().match(/[\p{L}]+/gu) ?? [])].filter((w) => w.length > 2).slice(0, 8);
  const terms = words.map((w) => ({ key: w.normalize('NFKD').replace(/\p{M}/gu, ''), display: w }));
  if (input.text.includes('dye leak')) terms.push({ key: 'dye leak', display: 'dye leak' });
  const negative = input.text.includes('dye') || h % 5 === 0;
  return {
    rowId: input.rowId, modelVersion: 'golden-1', sentimentScore: negative ? -0.5 : (h % 7) / 10,
    sentimentLabel: negative ? 'negative' : h % 3 === 0 ? 'positive' : 'neutral',
    complaintScore: Math.round(((h >>> 8) % 1000)) / 1000, complaint: negative && h % 2 === 0,
    safetyScore: Math.round(((h >>> 12) % 1000)) / 1000, safety: (h >>> 12) % 1000 >= 900,
    clusterKey: (h % 5000).toString(16), cluster: h % 5000, voice: hash(input.author ?? input.id),
    terms, termsByBrand: input.brands.length > 1 ? input.brands.map((b) => ({ brand: b, terms: terms.filter((t) => t.key !== b.toLowerCase()) })) : undefined,
  };
}

async function analyseAll(store: Store): Promise<void> {
  let after = 0;
  for (;;) {
    const batch = await store.pendingAnalysis('golden-1', after, 700);
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.rowId;
    await store.saveAnalyses(batch.map(score));
  }
}

/** Fills an empty store with the golden corpus: ~3,000 mentions of two brands, analysed, re-imported, labelled. */
export async function fillGoldenStore(store: Store): Promise<void> {
  const rand = prng(18);
  const first = Array.from({ length: 3000 }, (_, i) => mentionAt(i, rand));
  for (let i = 0; i < first.length; i += 500) await store.upsertMentions(first.slice(i, i + 500));
  await analyseAll(store);
  // a second import: edited texts, refreshed metrics, a new link, new rows, one id twice in a batch
  const again: MentionInput[] = [];
  for (let i = 0; i < 3000; i += 7) {
    const m = first[i]!;
    if (i % 2 === 0) again.push({ ...m, text: `${m.text} edited refund`, metrics: { likes: 99 } });
    else again.push({ ...m, metrics: { likes: 7, score: -3 }, alsoBrands: ['Acme', 'Boilco'] });
  }
  for (let i = 3000; i < 3300; i++) again.push(mentionAt(i, rand));
  again.push({ ...again[again.length - 1]!, text: 'a repeated id with a second text about kettle spout' });
  again.push({ ...first[1]!, text: 'first texts replaced twice kettle' }, { ...first[1]!, text: 'first text replaced again mug' });
  for (let i = 0; i < again.length; i += 400) await store.upsertMentions(again.slice(i, i + 400));
  await analyseAll(store);
  for (const [n, label] of [[3, 'positive'], [18, 'negative'], [45, 'neutral']] as const) {
    const [found] = await store.findMention(`x:g${n}`);
    if (found) await store.setHumanLabel(found.rowId, label);
  }
  for (const [n, flag] of [[9, true], [27, false], [63, true]] as const) {
    const [found] = await store.findMention(`g${n}`);
    if (found) await store.setComplaintLabel(found.rowId, flag);
  }
  for (const [n, flag] of [[12, true], [36, false], [81, true]] as const) {
    const [found] = await store.findMention(`g${n}`);
    if (found) await store.setSafetyLabel(found.rowId, flag);
  }
  await store.refreshReportRollups(GOLDEN_END);
}
