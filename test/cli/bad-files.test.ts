import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../support/cli.js';

/** Issue 28 #7: a bad file or --db gets one line that says what is wrong, and leaves no new database. */
const tmp = makeTempDir('earshot-bad-files-');
afterAll(() => tmp.cleanup());
const H = 'id,source,created_at,text,brand';
const good = `${H}\n1,x,2026-11-20T10:00:00Z,tea one,Acme\n2,x,2026-11-20T11:00:00Z,tea two,Acme\n`;
const write = (name: string, content: string | Buffer) => {
  writeFileSync(join(tmp.dir, name), content);
  return name;
};
const importInto = (db: string, file: string, ...rest: string[]) =>
  runCli(['--db', db, 'import', file, '--no-analyze', ...rest], { cwd: tmp.dir });
const oneLine = /^earshot: [^\n]+\n$/;
const dbFiles = (prefix: string) => readdirSync(tmp.dir).filter((f) => f.startsWith(prefix));

describe('import of files no format reads', () => {
  it('names a JSON array, one-line or pretty-printed, whatever --format says', async () => {
    write('one.json', '[{"id":"1","source":"x","created_at":"2026-11-20T10:00:00Z","text":"tea","brand":"Acme"}]');
    write('pretty.json', '[\n  {"id": "1", "text": "tea"},\n  {"id": "2", "text": "tea"}\n]\n');
    for (const args of [['one.json'], ['pretty.json'], ['pretty.json', '--format', 'jsonl']]) {
      const r = await importInto('array.db', args[0]!, ...args.slice(1));
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(oneLine);
      expect(r.stderr).toContain(`${args[0]}: this is a JSON array; earshot reads JSONL or CSV`);
    }
    expect(dbFiles('array.db')).toEqual([]);
  });

  it('says "the file is empty" only when it is', async () => {
    const empty = await importInto('e.db', write('empty.jsonl', ''));
    expect(empty).toMatchObject({ code: 1, stderr: expect.stringMatching(/could be imported — the file is empty\n$/) });
    const header = await importInto('e.db', write('header.csv', `${H}\n`));
    expect(header.code).toBe(1);
    expect(header.stderr).toMatch(/the file has a CSV header row but no rows under it\n$/);
    expect(header.stderr).not.toMatch(/empty/);
    const blank = await importInto('e.db', write('blank.jsonl', '\n\n  \n'));
    expect(blank.stderr).toMatch(/the file holds only blank lines\n$/);
  });

  it('refuses a long file with no line break by what it is, in one line and without reading it all', async () => {
    const r = await importInto('long.db', write('long.txt', Buffer.alloc(9 << 20, 'a')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(oneLine);
    expect(r.stderr).toMatch(/long\.txt: no line break in its first 8 MB; earshot reads JSONL .* or CSV/);
    expect(r.stderr).not.toMatch(/empty/);
  });

  it('lists the expected and the found columns of a CSV with the wrong header', async () => {
    const r = await importInto('cols.db', write('cols.csv', 'ID,Message,Date\n1,tea,2026-11-20\n'), '--brand', 'Acme');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(oneLine);
    expect(r.stderr).toContain('cols.csv: the CSV header lacks source, created_at, text; expected id, source, created_at, text');
    expect(r.stderr).toContain('found id, message, date');
    expect(dbFiles('cols.db')).toEqual([]);
  });
});

describe('--db naming a folder', () => {
  it('is named as a folder by commands that read and that write', async () => {
    mkdirSync(join(tmp.dir, 'folder'));
    write('ok.csv', good);
    for (const args of [['status'], ['search', 'tea'], ['import', 'ok.csv', '--no-analyze']]) {
      const r = await runCli(['--db', 'folder', ...args], { cwd: tmp.dir });
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toBe('earshot: --db folder is a folder, not a database file — name a file, e.g. --db folder/earshot.db\n');
    }
  });
});

describe('a write command that fails before storing anything', () => {
  it('leaves no new database behind, and keeps one it stored in or that was there before', async () => {
    write('nobrand.csv', 'id,source,created_at,text\n1,x,2026-11-20T10:00:00Z,tea\n');
    const failed = await importInto('typo.db', 'nobrand.csv');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/no brand/);
    expect(dbFiles('typo.db')).toEqual([]);

    // --strict fails after storing the good row: the store stays
    write('mixed.csv', `${good}3,x,not-a-date,tea,Acme\n`);
    const strict = await importInto('kept.db', 'mixed.csv', '--strict');
    expect(strict.code).toBe(1);
    expect(existsSync(join(tmp.dir, 'kept.db'))).toBe(true);
    expect((await runCli(['--db', 'kept.db', 'search', 'tea', '--format', 'json'], { cwd: tmp.dir })).stdout).toContain('tea one');

    // an existing store, even one with no mention, is never removed
    const first = await importInto('existing.db', write('ok2.csv', good));
    expect(first.code, first.stderr).toBe(0);
    expect((await importInto('existing.db', 'nobrand.csv')).code).toBe(1);
    expect(existsSync(join(tmp.dir, 'existing.db'))).toBe(true);
  });
});
