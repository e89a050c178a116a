import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBrands } from '../../src/core/compare.js';
import { exportMentions } from '../../src/core/export.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisInput, BrandScope, Store } from '../../src/store/store.js';
import { score } from '../support/golden-corpus.js';
import { storeBackends } from '../support/store-backends.js';

/**
 * Issue 30 #2: the two backends must answer alike. Random workloads (imports in random
 * batches, re-imports that edit texts and link a second brand, duplicates, analyses and
 * a re-score by another model version for some rows, human labels) are run on SQLite and
 * on PostgreSQL, and every read that does not depend on the text-search engine (status,
 * report JSON, compare, CSV export) must give the same answer. Search ranks by each
 * engine's own rules (FTS5 vs tsvector) and is compared elsewhere (output-golden).
 */
const backends = await storeBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
});
/** Workloads per run (~10 s each on both backends); more with EARSHOT_DIFF_RUNS when hunting a drift. */
const RUNS = Number(process.env.EARSHOT_DIFF_RUNS ?? 5);
const END = new Date('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;
const WORDS = ['tea', 'kettle', 'lid', 'crack', 'leak', 'late', 'refund', 'plastic', 'bag', 'mug', 'café', 'naïve', 'spout', 'smell', 'taste'];
// mixed case both ways round ('alba tea' before 'Boilco' by key, after it byte-wise), non-ASCII
// case, and a full folding (ß is "ss"): every brand comparison and order must go by the brand key
const BRANDS = ['Acme', 'Boilco', 'Tea & Co', 'zed tea', 'ACME', 'Öko Tee', 'öko tee', 'alba tea', 'Straße', 'STRASSE'];
const BRAND = fc.integer({ min: 0, max: BRANDS.length - 1 });
const RIVALS = ['Boilco', 'alba tea', 'öko tee'];

const workload = fc.record({
  mentions: fc.array(fc.record({
    brand: fc.integer({ min: 0, max: BRANDS.length - 1 }),
    also: fc.option(fc.integer({ min: 0, max: BRANDS.length - 1 }), { nil: undefined }),
    words: fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 2, maxLength: 7 }),
    ageHours: fc.integer({ min: 0, max: 20 * 24 }),
    author: fc.integer({ min: 0, max: 30 }),
    source: fc.constantFrom('x', 'reddit'),
    likes: fc.integer({ min: 0, max: 50 }),
  }), { minLength: 10, maxLength: 80 }),
  batch: fc.integer({ min: 1, max: 40 }),
  edits: fc.array(fc.nat(), { maxLength: 15 }),
  rescore: fc.array(fc.nat(), { maxLength: 10 }),
  labels: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('negative', 'positive', 'complaint', 'not-complaint', 'safety') }), { maxLength: 8 }),
  // a scan's cursor and run stored under one spelling; adapted models per brand (null: the store's)
  cursorBrand: BRAND,
  adaptations: fc.array(fc.option(BRAND, { nil: null }), { maxLength: 4 }),
});
type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

function mentionsOf(w: Workload): MentionInput[] {
  return w.mentions.map((m, i) => ({
    id: `d${i}`, source: m.source, brand: BRANDS[m.brand]!,
    alsoBrands: m.also !== undefined && m.also !== m.brand ? [BRANDS[m.also]!] : undefined,
    createdAt: new Date(END.getTime() - m.ageHours * HOUR - (i % 60) * 1000).toISOString(),
    text: m.words.map((j) => WORDS[j]).join(' '), author: `u${m.author}`, url: null, lang: 'en', metrics: { likes: m.likes },
  })).concat({
    // a post naming every brand: which rival's model owns it and the analyser's link order
    // then depend on how the brands compare, not on the luck of the draw
    id: 'all', source: 'x', brand: BRANDS[w.cursorBrand]!, alsoBrands: BRANDS, createdAt: new Date(END.getTime() - 3 * HOUR - 500).toISOString(), // a time no other post has (ties go by row id)
    text: 'tea kettle leak', author: 'u99', url: null, lang: 'en', metrics: { likes: 1 },
  });
}

async function analyse(store: Store, version: string, only?: Set<string>): Promise<void> {
  for (let after = 0; ;) {
    const batch = await store.pendingAnalysis(version, after, 25);
    if (batch.length === 0) return;
    after = batch[batch.length - 1]!.rowId;
    const picked = only ? batch.filter((b) => only.has(b.id)) : batch;
    await store.saveAnalyses(picked.map((input: AnalysisInput) => ({ ...score(input), modelVersion: version })));
  }
}

class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) { this.chunks.push(Buffer.from(chunk)); done(); }
}

/** Runs one workload on a fresh store and returns every read, as plain data. */
async function runOn(backend: (typeof backends)[number], w: Workload) {
  // a clock that moves a second per stamp: which model scored last is then a fact, not a race
  let tick = Date.parse('2026-11-21T00:00:00.000Z');
  const store = await backend.open({ clock: () => new Date(tick += 1000) });
  const first = mentionsOf(w);
  for (let i = 0; i < first.length; i += w.batch) await store.upsertMentions(first.slice(i, i + w.batch));
  await analyse(store, 'd-1');
  // a re-import: edited texts (re-analysed), a second brand linked, one id twice in a batch
  const again = w.edits.map((e) => first[e % first.length]!).map((m, i) => (i % 2 === 0
    ? { ...m, text: `${m.text} refund edited`, metrics: { likes: 99 } }
    : { ...m, alsoBrands: [BRANDS[(BRANDS.indexOf(m.brand) + 1) % BRANDS.length]!] }));
  if (again.length > 0) await store.upsertMentions([...again, again[0]!]);
  await analyse(store, 'd-1');
  // some rows re-scored by another version (a rival's adapted model, a new model half done)
  await analyse(store, 'd-2', new Set(w.rescore.map((r) => `d${r % first.length}`)));
  for (const label of w.labels) {
    const [found] = await store.findMention(`d${label.at % first.length}`);
    if (!found) continue;
    if (label.kind === 'negative' || label.kind === 'positive') await store.setHumanLabel(found.rowId, label.kind);
    else if (label.kind === 'safety') await store.setSafetyLabel(found.rowId, true);
    else await store.setComplaintLabel(found.rowId, label.kind === 'complaint');
  }
  await store.upsertMentions([], { source: 'x', brand: BRANDS[w.cursorBrand]!, stream: 'search', value: 'c-1' });
  await store.recordScanRun({ source: 'x', brand: BRANDS[w.cursorBrand]!, startedAt: '2026-11-20T11:00:00.000Z', finishedAt: '2026-11-20T11:01:00.000Z',
    postsRead: 3, inserted: 1, updated: 2, status: 'ok', kind: 'ok' });
  for (const [i, brand] of w.adaptations.entries()) {
    await store.saveAdaptation({ version: `a${i}`, brand: brand === null ? null : BRANDS[brand]!, baseVersion: 'd-1', method: 'm',
      sentimentLabels: 1, complaintLabels: 0, evaluation: '{}', payload: '{}', createdAt: '2026-11-20T11:00:00.000Z' });
  }
  await store.refreshReportRollups(END);
  const byName = await readByName(store);
  const { rows, totalMentions, failedAnalyses, languages } = await store.status();
  const brands = await store.storedBrands();
  const reports = [];
  for (const brand of brands) {
    const report = await buildReport(store, { brand, at: END, windowHours: 48, baselineHours: 14 * 24, top: 10, minMentions: 2 });
    reports.push({ ...report, generatedAt: null });
  }
  const compared = await compareBrands(store, { brands, since: new Date(END.getTime() - 7 * 24 * HOUR), until: END, bucket: 'day', now: END });
  const sink = new Sink();
  await exportMentions(store, {}, sink, { format: 'csv' });
  return { rows, totalMentions, failedAnalyses, languages, brands, reports, compared, csv: Buffer.concat(sink.chunks).toString('utf8'), byName };
}

/**
 * The reads that take a brand name, asked in every spelling (a config may name a brand in
 * another case than the one it was stored with), and the reads that order brands: the
 * analyser's link order, which rival's adapted model owns a mention, the active models.
 */
async function readByName(store: Store) {
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  // row ids are each backend's own (PostgreSQL numbers a page in key order): compared by external id
  const pending = async (scope?: BrandScope) => (await store.pendingAnalysis('d-3', 0, 1000, scope))
    .map((r) => [r.id, r.brands] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const names = [];
  for (const brand of BRANDS) {
    const sink = new Sink();
    await exportMentions(store, { brand }, sink, { format: 'csv' });
    names.push({
      brand,
      cursor: await store.getCursor({ source: 'x', brand, stream: 'search' }),
      health: (await store.scanHealth(brand)).map((h) => [h.brand, h.source, h.lastPostsRead]),
      csv: Buffer.concat(sink.chunks).toString('utf8'),
      // newest first, then by row id: the set is compared
      labels: (await store.humanLabels({ brand, limit: 100 })).map((l) => [l.id, l.brand, l.kind, l.label].join(' ')).sort(),
      inbox: plain(await store.inboxMentions({ brand, limit: 100 })),
      review: (await store.unlabelledMentions({ brand, limit: 100 })).map((r) => [r.id, r.brand, r.modelVersion]),
      labelled: (await store.labelledMentions(brand)).map((r) => [r.id, r.brand, r.sentiment, r.complaint].join(' ')).sort(),
      // against rivals on either side of a case difference: 'alba tea' comes before 'Boilco' by key, after it byte-wise
      owned: await Promise.all(RIVALS.filter((rival) => rival !== brand).map((rival) => pending({ brands: [brand], rivals: [rival] }))),
    });
  }
  const adapted = (await store.activeAdaptations()).map((a) => [a.version, a.brand]);
  return { names, pending: await pending(), adapted };
}

describe.skipIf(!backends[1]!.available)('SQLite and PostgreSQL answer alike (differential)', () => {
  it('on random workloads: status, report JSON, compare and export agree', async () => {
    await fc.assert(fc.asyncProperty(workload, async (w) => {
      try {
        const [sqlite, postgres] = [await runOn(backends[0]!, w), await runOn(backends[1]!, w)];
        expect(postgres).toEqual(sqlite);
      } finally {
        for (const backend of backends) await backend.cleanup();
      }
    }), { numRuns: RUNS, endOnFailure: true });
  }, Math.max(600_000, RUNS * 10_000));
});

for (const backend of backends) describe.skipIf(!backend.available)(`brand names across connections (${backend.name})`, () => {
  it('a name written in another case by another connection is the same brand, non-ASCII letters included', async () => {
    const [one, two] = await backend.openPair();
    const at = (id: string, brand: string): MentionInput => ({ id, source: 'x', brand, createdAt: '2026-11-19T10:00:00.000Z', text: `tee ${id}`, metrics: {} });
    await one.upsertMentions([at('1', 'Öko Tee'), at('2', 'ACME')]);
    await two.upsertMentions([at('3', 'öko tee'), at('4', 'acme'), at('5', 'ÖKO TEE')]);
    expect(await two.storedBrands()).toEqual(['ACME', 'Öko Tee']);
    expect(await one.storedBrands()).toEqual(['ACME', 'Öko Tee']);
    const rows = (await two.status()).rows.map((r) => [r.brand, r.mentions]);
    expect(rows).toEqual([['ACME', 2], ['Öko Tee', 3]]);
    await backend.cleanup();
  });
});
