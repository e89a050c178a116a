import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO, runCli } from '../support/cli.js';
import { peakRss } from '../support/memory.js';

/** Other tools' files through the built binary: format notice, rejected lines, exit codes, memory. */
const STREAM = '/work/shared/data/imports/twarc2/stream-with-bad-line.jsonl';
const hasZstd = spawnSync('zstd', ['--version']).status === 0;
if (!hasZstd) console.warn('zstd CLI import tests SKIPPED: the zstd program is not installed (apt-get install zstd; CI installs it)');

const tmp = makeTempDir('earshot-cli-import-');
afterAll(() => tmp.cleanup());

/** A comments dump of `n` lines, compressed as Arctic Shift ships them (zstd, long window). */
async function writeDump(name: string, n: number): Promise<string> {
  const plain = join(tmp.dir, `${name}.ndjson`);
  const out = createWriteStream(plain);
  for (let i = 0; i < n; i++) {
    const row = { author: `user${i % 991}`, body: `comment ${i} on the tea bags, Kettleby or not, long enough to look like a real comment #${i % 40}`,
      created_utc: 1793606400 + i * 7, id: `c${i.toString(36)}`, link_id: `t3_p${(i % 500).toString(36)}`, name: `t1_c${i.toString(36)}`,
      parent_id: `t3_p${(i % 500).toString(36)}`, permalink: `/r/tea/comments/p${(i % 500).toString(36)}/x/c${i.toString(36)}/`, score: i % 13, subreddit: 'tea' };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const zst = join(tmp.dir, `${name}.zst`);
  const done = spawnSync('zstd', ['-q', '-f', '--long=31', '-3', plain, '-o', zst]);
  expect(done.status, String(done.stderr)).toBe(0);
  return `${name}.zst`;
}

describe.runIf(existsSync(STREAM))('import of twarc2 stream output (built binary)', () => {
  it('stores the 7 good tweets, reports line 8, and fails only with --strict', async () => {
    const r = await runCli(['--db', 'stream.db', 'import', STREAM, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/stream-with-bad-line\.jsonl: twarc2 format/);
    expect(r.stderr).toMatch(/^earshot: warning: line 8: broken JSON \(/m);
    expect(r.stderr).toMatch(/7 new, 0 updated, 1 rejected/);
    const strict = await runCli(['--db', 'stream.db', '--quiet', 'import', STREAM, '--brand', 'Acme', '--no-analyze', '--strict'], { cwd: tmp.dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^earshot: 1 row\(s\) rejected with --strict — /m);
    const noBrand = await runCli(['--db', 'stream.db', '--quiet', 'import', STREAM, '--no-analyze'], { cwd: tmp.dir });
    expect(noBrand.code).toBe(1);
    expect(noBrand.stderr).toMatch(/line 1: no brand: pass --brand NAME/m);
  });
});

describe.runIf(hasZstd)('import of zstd-compressed Reddit dumps (built binary)', () => {
  let small = '';
  let big = '';
  beforeAll(async () => {
    small = await writeDump('RC_small', 5_000);
    big = await writeDump('RC_big', 50_000);
  }, 60_000);

  it('streams a dump through zstd in constant memory (64 MB heap)', async () => {
    const smallRss = await peakRss(tmp.dir, ['--db', 'dump-small.db', 'import', small, '--brand', 'Acme', '--no-analyze']);
    const bigRss = await peakRss(tmp.dir, ['--db', 'dump-big.db', 'import', big, '--brand', 'Acme', '--no-analyze']);
    expect(bigRss).toBeLessThan(250);
    expect(bigRss - smallRss).toBeLessThan(60);
    const status = await runCli(['--db', 'dump-big.db', 'status', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(status.stdout).rows).toEqual([expect.objectContaining({ source: 'reddit', mentions: 50_000 })]);
  }, 120_000);

  it('names the file and zstd\'s complaint in one line for a file that is not a valid archive', async () => {
    const fixture = join(REPO, 'fixtures/imports/RC_kettleby.zst');
    const r = await runCli(['--db', 'dump.db', 'import', fixture, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/RC_kettleby\.zst: reddit \(zstd\) format/);
    expect(r.stderr).toMatch(/^earshot: warning: line 38: broken JSON/m);
    const bad = await runCli(['--db', 'dump.db', '--quiet', 'import', '-', '--brand', 'Acme'], { cwd: tmp.dir, input: '\u0028\u00b5\u002f\u00fd garbage' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
