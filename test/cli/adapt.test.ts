// The learning loop end to end on both backends: label (from a file) → train → the next
// analyze re-scores that brand only → exports and the report change.
import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-adapt-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();

const HOUR = 3_600_000;
const FEELS = ['after one boil', 'every single morning', 'when I pour', 'within a minute', 'right away', 'as soon as it boils'];
const PARTS = ['handle', 'lid', 'handle and lid'];

/** Kettle chatter for two weeks, then a wave of "the handle gets hot" (praise elsewhere, a warning for a kettle), and a chilli brand's "hot". */
function writeMentions(path: string): void {
  const rows: object[] = [];
  for (let i = 0; i < 28; i++) {
    rows.push({ id: `k${i}`, source: 'x', author: `fan${i}`, created_at: new Date(TEST_NOW - (60 + i * 11) * HOUR).toISOString(),
      brand: 'Boilco', text: `Boilco kettle boils fast, lovely design ${['in my kitchen', 'for tea', 'on the counter', 'at work'][i % 4]} #${i}` });
  }
  for (let i = 0; i < 30; i++) {
    rows.push({ id: `h${i}`, source: 'x', author: `owner${i}`, created_at: new Date(TEST_NOW - (1 + i * 1.3) * HOUR).toISOString(),
      brand: 'Boilco', text: `the ${PARTS[i % 3]} on my Boilco kettle gets so hot ${FEELS[i % FEELS.length]} #${i}` });
  }
  for (let i = 0; i < 10; i++) {
    rows.push({ id: `s${i}`, source: 'x', author: `chef${i}`, created_at: new Date(TEST_NOW - (2 + i * 3) * HOUR).toISOString(),
      brand: 'Chillico', text: `Chillico sauce is so hot ${FEELS[i % FEELS.length]}, love it #${i}` });
  }
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

/** The report group (issue or trend) whose terms include `word`. */
function groupWith(report: { issues: Array<Record<string, unknown>>; trends: Array<Record<string, unknown>> }, word: string) {
  return [...report.issues, ...report.trends].find((g) => (g['termKeys'] as string[]).some((k) => k.includes(word)));
}

for (const backend of backends) describe.skipIf(!backend.available)(`learning from labels on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('label --file → train --brand → re-analysed for that brand only → export and report change', async () => {
    const db = backend.fresh(tmp.dir, 'adapt.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writeMentions(join(tmp.dir, 'kettles.jsonl'));
    expect((await run(['import', 'kettles.jsonl'])).code).toBe(0);
    const complaintsOf = async (brand: string) => new Map((parse((await run(['export', '--brand', brand, '--columns', 'id,is_complaint'])).stdout,
      { columns: true }) as Array<{ id: string; is_complaint: string }>).map((r) => [r.id, r.is_complaint === 'true']));
    const before = await complaintsOf('Boilco');
    expect([...before].filter(([id, c]) => id.startsWith('h') && c)).toHaveLength(0); // the base model hears praise
    const reportBefore = JSON.parse((await run(['report', '--brand', 'Boilco', '--format', 'json'])).stdout);

    // the review queue offers unlabelled mentions, json for scripts
    const review = await run(['review', '--brand', 'Boilco', '--limit', '5', '--format', 'json']);
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toHaveLength(5);

    // 12 hot-handle posts are complaints, 12 kettle praises are not: an edited file
    const lines = ['id,label', ...Array.from({ length: 12 }, (_, i) => `h${i},complaint`), ...Array.from({ length: 12 }, (_, i) => `x:k${i},not-complaint`)];
    writeFileSync(join(tmp.dir, 'labels.csv'), `${lines.join('\n')}\n`);
    const labelled = await run(['label', '--file', 'labels.csv']);
    expect(labelled.code, labelled.stderr).toBe(0);
    expect(labelled.stderr).toMatch(/labelled 24 mention\(s\) from labels\.csv/);

    const dry = await run(['train', '--brand', 'boilco', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Boilco: scored on labels the adapted model was not fitted on, 5-fold cross-validation \(24 labelled mentions\)/);
    expect(dry.stdout).toMatch(/complaint\s*│\s*24\s*│/);
    expect(dry.stderr).toMatch(/dry run: would switch brand Boilco to \S+\+adapt-[0-9a-f]{10} \(58 mention\(s\) to re-score\); nothing changed/);
    expect((await run(['analyze'])).stderr).toMatch(/nothing to analyse/);

    const trained = await run(['train', '--brand', 'Boilco']);
    expect(trained.code, trained.stderr).toBe(0);
    const version = /switched brand Boilco to (\S+);/.exec(trained.stderr)?.[1];
    expect(version).toMatch(/\+adapt-[0-9a-f]{10}$/);
    const status = JSON.parse((await run(['status', '--format', 'json'])).stdout);
    expect(status.models).toEqual([
      expect.objectContaining({ brand: 'Boilco', model: version, kind: 'brand', sentimentLabels: 0, complaintLabels: 24 }),
      expect.objectContaining({ brand: 'Chillico', kind: 'base', model: expect.not.stringContaining('adapt') }),
    ]);

    // only Boilco's 58 mentions are re-scored; the chilli brand keeps the base model
    const analysed = await run(['analyze']);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(analysed.stderr).toMatch(new RegExp(`analysed 58 mention\\(s\\) with ${version!.replaceAll('+', '\\+')}`));
    expect((await run(['analyze'])).stderr).toMatch(/nothing to analyse/);
    const after = await complaintsOf('Boilco');
    const unlabelledHot = [...after].filter(([id]) => /^h(1[2-9]|2\d)$/.test(id));
    expect(unlabelledHot.filter(([, c]) => c).length).toBeGreaterThanOrEqual(15); // of 18 it was not told about
    expect([...after].filter(([id, c]) => /^k(1[2-9]|2\d)$/.test(id) && c)).toHaveLength(0);
    expect([...(await complaintsOf('Chillico')).values()].every((c) => !c)).toBe(true);

    const reportAfter = JSON.parse((await run(['report', '--brand', 'Boilco', '--format', 'json'])).stdout);
    const was = groupWith(reportBefore, 'hot') ?? groupWith(reportBefore, 'handle');
    const now = groupWith(reportAfter, 'hot') ?? groupWith(reportAfter, 'handle');
    expect(now, JSON.stringify(reportAfter.issues)).toBeDefined();
    expect(now!['complaintShare'] as number).toBeGreaterThan(0.8);
    expect((now!['complaintShare'] as number)).toBeGreaterThan((was?.['complaintShare'] as number | undefined) ?? 0);
    expect(reportAfter.issues.some((g: Record<string, unknown>) => g === now)).toBe(true);
  }, 120_000);

  it('train refuses with too few labels, and a bad label file labels nothing', async () => {
    const db = backend.fresh(tmp.dir, 'adapt-refuse.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writeMentions(join(tmp.dir, 'kettles2.jsonl'));
    expect((await run(['import', 'kettles2.jsonl', '--no-analyze'])).code).toBe(0);
    expect((await run(['label', 'h1', 'h2', 'h3', 'complaint'])).stderr).toMatch(/labelled 3 mention\(s\) as complaint/);
    const few = await run(['train']);
    expect(few.code).toBe(1);
    expect(few.stderr.trim()).toBe('earshot: not enough labels to train: 0 sentiment and 3 complaint label(s) — label at least 10 mentions of one kind, both ways (earshot review lists the ones that teach most)');
    writeFileSync(join(tmp.dir, 'bad.jsonl'), '{"id":"h4","label":"complaint"}\n{"id":"h5","label":"angry"}\n');
    const bad = await run(['label', '--file', 'bad.jsonl']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.jsonl line 2: "angry" is not a label; nothing was labelled/);
    const exported = parse((await run(['export', '--columns', 'id,is_complaint'])).stdout, { columns: true }) as Array<{ id: string; is_complaint: string }>;
    expect(exported.find((r) => r.id === 'h4')!.is_complaint).toBe('');
  }, 60_000);
});
