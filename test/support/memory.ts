import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';

/** Writes `n` import rows; `text(i)` shapes each mention's text. */
export async function writeMentionsJsonl(path: string, n: number, text: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const row = { id: String(1e15 + i), source: i % 3 ? 'x' : 'reddit', created_at: new Date(Date.UTC(2026, 10, 1) + i * 20_000).toISOString(), // 100k rows end before TEST_NOW: import refuses dates over a day ahead
      text: text(i), author: `user${i % 997}`, metrics: { likes: i % 17, replies: i % 5 } };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * Runs the CLI in `dir` under a preload that prints peak RSS (MB) on exit, with the JS
 * heap capped at 64 MB: a leak dies with out-of-memory instead of hiding in V8's lazy GC.
 */
export async function peakRss(dir: string, args: string[]): Promise<number> {
  const probe = join(dir, 'rss.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nRSS_MB=${process.resourceUsage().maxRSS / 1024}\\n`));");
  const result = await runCli(args, { cwd: dir, env: { NODE_OPTIONS: `--require ${probe} --max-old-space-size=64` } });
  expect(result.code, result.stderr).toBe(0);
  return Number(/RSS_MB=([\d.]+)/.exec(result.stderr)![1]);
}
