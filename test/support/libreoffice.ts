import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
export const hasSoffice = existsSync(SOFFICE);

/** One cell as LibreOffice Calc read it. */
export interface CalcCell {
  type: string;
  /** The cell's text, paragraphs joined with \n. */
  text: string;
  /** office:value / office:date-value, for numbers and dates. */
  value?: string;
  formula?: string;
  link?: string;
}

/**
 * Opens files in LibreOffice Calc headless and saves each as flat ODS XML, the form in
 * which Calc says exactly what it made of each cell: type, value, formula, link.
 * Returns the first sheet of each file as rows of cells, trailing empty cells dropped.
 */
export async function readWithCalc(files: string[]): Promise<CalcCell[][][]> {
  const out = mkdtempSync(join(tmpdir(), 'earshot-calc-'));
  const profile = join(out, 'profile');
  try {
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore',
      '--convert-to', 'fods', '--outdir', out, ...files], { timeout: 120_000 });
    return files.map((file) => parseFods(readFileSync(join(out, `${basename(file).replace(/\.[^.]+$/, '')}.fods`), 'utf8')));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function parseFods(xml: string): CalcCell[][] {
  const table = xml.slice(xml.indexOf('<table:table '), xml.indexOf('</table:table>'));
  const rows: CalcCell[][] = [];
  for (const [row] of table.matchAll(/<table:table-row\b[^>]*?(?:\/>|>[\s\S]*?<\/table:table-row>)/g)) {
    const cells: CalcCell[] = [];
    for (const [, attrs = '', body = ''] of row.matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
      const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
      const repeat = Number(attr('table:number-columns-repeated') ?? 1);
      const cell: CalcCell = {
        type: attr('office:value-type') ?? 'empty',
        text: paragraphs(body),
        value: attr('office:value') ?? attr('office:date-value'),
        formula: attr('table:formula'),
        link: /xlink:href="([^"]*)"/.exec(body)?.[1],
      };
      for (let i = 0; i < Math.min(repeat, 64); i++) cells.push(cell);
    }
    while (cells.length && cells.at(-1)!.type === 'empty') cells.pop();
    if (cells.length) rows.push(cells);
  }
  return rows;
}

function paragraphs(body: string): string {
  return [...body.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map(([, inner = '']) => inner
    .replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_m, n: string) => ' '.repeat(Number(n)))
    .replace(/<text:s\b[^>]*\/>/g, ' ')
    .replace(/<text:tab\b[^>]*\/>/g, '\t')
    .replace(/<text:line-break\b[^>]*\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]
      ?? String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1))))).join('\n');
}
