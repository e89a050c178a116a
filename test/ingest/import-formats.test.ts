import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importMentions } from '../../src/core/import.js';
import { detectFormat } from '../../src/ingest/detect.js';
import { openImport } from '../../src/ingest/open-import.js';
import { decodeTwarcLine } from '../../src/ingest/twarc.js';
import { openStore } from '../../src/store/index.js';
import type { ExportRow, Store } from '../../src/store/store.js';
import { makeTempDir, REPO } from '../support/cli.js';

/** Other tools' files, detected from their content; the real ones from shared/data where present. */
const SHARED = '/work/shared/data';
const IMPORTS = `${SHARED}/imports`;
const FIXTURES = join(REPO, 'fixtures/imports');
const hasShared = existsSync(IMPORTS);
const hasZstd = spawnSync('zstd', ['--version']).status === 0;
if (!hasZstd) console.warn('zstd import tests SKIPPED: the zstd program is not installed (apt-get install zstd; CI installs it)');

const tmp = makeTempDir('earshot-import-formats-');
afterAll(() => tmp.cleanup());

type Tweet = { id: string; text: string; created_at: string; author_id: string; public_metrics?: Record<string, number> };
type User = { id: string; username: string };

async function importFile(path: string, format?: string) {
  const store: Store = await openStore(':memory:');
  const input = await openImport(path, format);
  const summary = await importMentions(store, input.records, { defaultBrand: 'Brand', decode: input.decode, batchSize: 3 });
  const stored = new Map<string, ExportRow>();
  for await (const row of store.exportMentions({})) stored.set(row.id, row);
  await store.close();
  return { input, summary, stored };
}

/** What each tweet of a twarc2 page line should become: id, author's handle, time, text. */
function expectedFromPage(page: { data: Tweet[]; includes?: { users?: User[] } }) {
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u.username]));
  return page.data.map((t) => ({ id: t.id, author: users.get(t.author_id) ?? t.author_id, createdAt: new Date(t.created_at).toISOString(), text: t.text }));
}

function expectStored(stored: Map<string, ExportRow>, expected: Array<{ id: string; author: string; createdAt: string; text: string }>) {
  expect(stored.size).toBe(expected.length);
  for (const want of expected) {
    expect(stored.get(want.id), want.id).toMatchObject({ source: 'x', author: want.author, createdAt: want.createdAt, text: want.text, url: `https://x.com/${want.author}/status/${want.id}` });
  }
}

describe.runIf(hasShared)('twarc2 and twarc-csv files (real shared files)', () => {
  it('twarc2 search output: one raw page a line, handles from includes.users', async () => {
    const path = `${IMPORTS}/twarc2/two-pages.jsonl`;
    const { input, summary, stored } = await importFile(path);
    expect(input.format).toBe('twarc2');
    expect(summary).toMatchObject({ rejected: 0, inserted: 1 });
    const page = JSON.parse(readFileSync(path, 'utf8'));
    expectStored(stored, expectedFromPage(page));
    expect(stored.get('1394735776701816833')).toMatchObject({ author: 'LachiVeronica', createdAt: '2021-05-18T19:24:56.000Z' });
  });

  it('twarc2 search output of 100 tweets (the recorded X page)', async () => {
    const path = `${SHARED}/api/x/search-recent-pages.jsonl`;
    const { summary, stored } = await importFile(path);
    expect(summary.rejected).toBe(0);
    const page = JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!);
    expectStored(stored, expectedFromPage(page));
    // the user expansion's follower counts come along: the inbox's reach tie-breaker
    const followers = new Map((page.includes.users as Array<{ id: string; public_metrics: { followers_count: number } }>).map((u) => [u.id, u.public_metrics.followers_count]));
    const decoded = decodeTwarcLine(page, 'Kettleby').mentions;
    expect(decoded.length).toBe(page.data.length);
    expect(decoded.map((m) => m.authorFollowers)).toEqual(page.data.map((t: Tweet) => followers.get(t.author_id)));
    expect(decoded.every((m) => typeof m.authorFollowers === 'number')).toBe(true);
  });

  it('twarc2 stream output: one tweet a line; the truncated line is rejected with its number', async () => {
    const path = `${IMPORTS}/twarc2/stream-with-bad-line.jsonl`;
    const { input, summary, stored } = await importFile(path);
    expect(input.format).toBe('twarc2');
    expect(summary).toMatchObject({ read: 8, inserted: 7, rejected: 1 });
    expect(summary.rejections).toEqual([{ line: 8, reason: expect.stringMatching(/^broken JSON/) }]);
    const lines = readFileSync(path, 'utf8').split('\n').slice(0, 7).map((line) => JSON.parse(line));
    expectStored(stored, lines.flatMap((line) => expectedFromPage({ data: [line.data], includes: line.includes })));
    expect(stored.get('1377650090978992134')).toMatchObject({ author: 'blackheart_265', createdAt: '2021-04-01T15:52:31.000Z' });
  });

  it('twarc2 flatten output: one tweet a line with author inlined', async () => {
    const source = readFileSync(`${IMPORTS}/twarc2/stream-with-bad-line.jsonl`, 'utf8').split('\n').slice(0, 7).map((line) => JSON.parse(line));
    // what `twarc2 flatten` writes: the tweet, its author inlined, the twarc metadata
    const flat = source.map((line) => ({ ...line.data, author: line.includes.users.find((u: User) => u.id === line.data.author_id), __twarc: line.__twarc }));
    const path = join(tmp.dir, 'flat.jsonl');
    writeFileSync(path, `${flat.map((t) => JSON.stringify(t)).join('\n')}\n${JSON.stringify(flat[0]).slice(0, 70)}\n`);
    const { input, summary, stored } = await importFile(path);
    expect(input.format).toBe('twarc2');
    expect(summary.rejections).toEqual([{ line: 8, reason: expect.stringMatching(/^broken JSON/) }]);
    expectStored(stored, source.flatMap((line) => expectedFromPage({ data: [line.data], includes: line.includes })));
  });

  it('twarc-csv columns (public_metrics.*, author.username); a row with a rounded id is rejected with its row', async () => {
    const page = JSON.parse(readFileSync(`${SHARED}/api/x/search-recent-pages.jsonl`, 'utf8').split('\n')[0]!);
    const users = new Map<string, User>(page.includes.users.map((u: User) => [u.id, u]));
    const columns = ['id', 'conversation_id', 'author_id', 'created_at', 'text', 'lang', 'public_metrics.like_count', 'public_metrics.retweet_count',
      'public_metrics.reply_count', 'public_metrics.quote_count', 'author.username', 'author.name'];
    const cell = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
    const rows = (page.data as Array<Tweet & { conversation_id: string; lang: string }>).map((t) => [t.id, t.conversation_id, t.author_id, t.created_at, t.text, t.lang,
      t.public_metrics!.like_count, t.public_metrics!.retweet_count, t.public_metrics!.reply_count, t.public_metrics!.quote_count,
      users.get(t.author_id)?.username, (users.get(t.author_id) as { name?: string } | undefined)?.name].map(cell).join(','));
    rows.splice(3, 0, ['1.44071689535576E+18', '', '1', '2021-09-22T16:37:29.000Z', 'rounded', 'en', 0, 0, 0, 0, 'someone', ''].map(cell).join(','));
    const path = join(tmp.dir, 'tweets.csv');
    writeFileSync(path, `${columns.join(',')}\r\n${rows.join('\r\n')}\r\n`);
    const { input, summary, stored } = await importFile(path);
    expect(input).toMatchObject({ format: 'twarc-csv', unit: 'row' });
    expect(summary.rejections).toEqual([{ line: 5, reason: expect.stringMatching(/id "1\.44071689535576E\+18" is not a string of digits/) }]);
    expectStored(stored, expectedFromPage(page));
    const first = page.data[1] as Tweet;
    expect(stored.get(first.id)).toMatchObject({ likes: first.public_metrics!.like_count, reposts: first.public_metrics!.retweet_count! + first.public_metrics!.quote_count! });
  });
});

describe('Reddit dumps (Arctic Shift / Pushshift field names)', () => {
  const comments = readFileSync(join(FIXTURES, 'RC_kettleby.ndjson'), 'utf8').split('\n').filter(Boolean);

  it('imports comments and submissions as fullnames; the truncated line is rejected with its number', async () => {
    const { input, summary, stored } = await importFile(join(FIXTURES, 'RC_kettleby.ndjson'));
    expect(input.format).toBe('reddit');
    expect(summary).toMatchObject({ read: 38, inserted: 37, rejected: 1 });
    expect(summary.rejections).toEqual([{ line: 38, reason: expect.stringMatching(/^broken JSON/) }]);
    const first = JSON.parse(comments[0]!);
    expect(stored.get(`t1_${first.id}`)).toMatchObject({
      source: 'reddit', author: first.author, text: first.body, createdAt: new Date(first.created_utc * 1000).toISOString(),
      url: `https://www.reddit.com${first.permalink}`, score: first.score,
    });
    // Pushshift era: no name, created_utc as a string, no permalink
    expect(stored.get('t1_g0ld01')).toMatchObject({ createdAt: '2020-09-13T12:26:40.000Z', url: 'https://www.reddit.com/r/tea/comments/oldpost/_/g0ld01/' });
    const posts = await importFile(join(FIXTURES, 'RS_kettleby.ndjson'));
    const post = JSON.parse(readFileSync(join(FIXTURES, 'RS_kettleby.ndjson'), 'utf8').split('\n')[1]!);
    expect(posts.stored.get(`t3_${post.id}`)).toMatchObject({ text: `${post.title}\n\n${post.selftext}`, replies: post.num_comments, score: post.score });
  });

  it.runIf(hasZstd)('reads a .zst dump through zstd -dc --long=31, detected by its magic bytes', async () => {
    const { input, summary, stored } = await importFile(join(FIXTURES, 'RC_kettleby.zst'));
    expect(input).toMatchObject({ format: 'reddit', compressed: true });
    expect(summary).toMatchObject({ read: 38, inserted: 37, rejected: 1 });
    expect(summary.rejections[0]!.line).toBe(38);
    expect(stored.size).toBe(37);
  });

  it.runIf(hasZstd)('fails with one line when the archive is corrupt, after storing what came before', async () => {
    const good = readFileSync(join(FIXTURES, 'RC_kettleby.zst'));
    const path = join(tmp.dir, 'broken.zst');
    writeFileSync(path, good.subarray(0, good.length - 20));
    await expect(importFile(path)).rejects.toThrow(/broken\.zst: zstd could not decompress it \(/);
  });

  it.runIf(existsSync(IMPORTS))('reads the fields the Arctic Shift schemas promise, with the types they promise', () => {
    const rc = readFileSync(`${IMPORTS}/arcticshift/RC_2026-01.schema.ts`, 'utf8');
    const rs = readFileSync(`${IMPORTS}/arcticshift/RS_2026-01.schema.ts`, 'utf8');
    const topLevel = (schema: string, field: string) => new RegExp(`^\\t${field}: ([^,]+),`, 'm').exec(schema)?.[1];
    for (const [field, type] of [['id', 'string'], ['name', 'string'], ['author', 'string'], ['body', 'string'], ['created_utc', 'number'], ['permalink', 'string'], ['score', 'number'], ['link_id', 'string'], ['subreddit', 'string']]) {
      expect(topLevel(rc, field!), `RC ${field}`).toBe(type);
    }
    for (const [field, type] of [['id', 'string'], ['name', 'string'], ['title', 'string'], ['selftext', 'string'], ['created_utc', 'number'], ['num_comments', 'number'], ['permalink', 'string']]) {
      expect(topLevel(rs, field!), `RS ${field}`).toBe(type);
    }
  });
});

describe('format detection from the content', () => {
  it.each([
    ['{"id":"1","source":"x","created_at":"2026-11-20T10:00:00Z","text":"t"}', 'jsonl'],
    ['{"data":[{"id":"1"}],"includes":{},"meta":{},"__twarc":{}}', 'twarc2'],
    ['{"data":{"id":"1"},"matching_rules":[]}', 'twarc2'],
    ['{"id":"1","text":"t","author_id":"2","author":{"username":"u"}}', 'twarc2'],
    ['{"author":"a","body":"b","created_utc":1,"id":"x","subreddit":"tea"}', 'reddit'],
    ['{"data": [{"id": "1", "text": "cut', 'twarc2'],
    ['id,source,created_at,text', 'csv'],
    ['id,conversation_id,author_id,created_at,text,public_metrics.like_count,author.username', 'twarc-csv'],
    ['\uFEFF\n\n{"id":"1","source":"x","created_at":"2026-11-20","text":"t"}', 'jsonl'],
  ])('%s → %s', (head, format) => {
    expect(detectFormat(Buffer.from(`${head}\n`), 'file')).toBe(format);
  });
});
