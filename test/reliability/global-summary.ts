import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Global setup for the whole test run: reliability files append their figures to a
 * temp file; the teardown prints the totals once, after every file has run.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-figures-'));
  const path = join(dir, 'figures.jsonl');
  writeFileSync(path, '');
  project.provide('reliabilityFigures', path);
  return () => {
    const rows = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    rmSync(dir, { recursive: true, force: true });
    if (rows.length === 0) return;
    const totals: Record<string, number> = {};
    for (const row of rows) {
      for (const [key, value] of Object.entries(row)) if (typeof value === 'number') totals[key] = (totals[key] ?? 0) + value;
    }
    const show = (key: string) => `${key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}: ${totals[key] ?? 0}`;
    const keys = ['killsSurvived', 'faultsInjected', 'fuzzCases', 'hostileCases', 'injectionAttempts', 'secretsChecked', 'secretsFound'];
    process.stdout.write(`\nearshot reliability summary (${rows.length} files) — ${keys.map(show).join(', ')}\n`);
  };
}
