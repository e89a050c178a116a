/**
 * `npm start`: the whole job on bundled data, exactly as a user runs it. A local HTTPS
 * replay server stands in for X, Reddit and Hacker News (serving fixtures/demo/), and
 * the real `earshot` binary scans it, analyses what it stored and prints the report.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReplayServer } from '../replay/index.js';
import { shellCommand, shellQuote } from '../report/shell-quote.js';
import { DEMO_CONFIG } from './demo-config.js';
import { DEMO_END } from './make-demo-data.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/earshot.js');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-demo-'));
  const server = await startReplayServer({ fixturesDir: join(root, 'fixtures/demo'), caPath: join(dir, 'replay-ca.pem') });
  writeFileSync(join(dir, 'earshot.config.json'), `${JSON.stringify(DEMO_CONFIG, null, 2)}\n`, { mode: 0o600 });
  // the demo data covers X, Reddit and Hacker News: without a Bluesky login (and with no
  // feeds or apps in the config) the other sources stay out of it, silently
  const { EARSHOT_BLUESKY_HANDLE: _handle, EARSHOT_BLUESKY_APP_PASSWORD: _password, ...replayEnv } = server.env();
  const env = { ...process.env, ...replayEnv };
  // Async: the replay server lives in this process and must keep answering.
  const run = async (title: string, args: string[]) => {
    process.stdout.write(`\n$ ${shellCommand(['earshot', ...args])}    # ${title}\n`);
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) throw new Error(`earshot ${args[0]} exited with ${code}`);
  };
  try {
    process.stdout.write(`earshot demo in ${dir}\nA replay server on ${server.url} plays X, Reddit and Hacker News for the fictional brand Kettleby Tea and its smaller rival Brindle Tea.\n`);
    await run('pull mentions from all three sources, then analyse them', ['scan', '--max-posts', '5000']);
    await run('a second scan reads only what is new', ['scan', '--max-posts', '5000']);
    await run('what is stored', ['status']);
    await run('emerging issues as of the end of the demo data', ['report', '--brand', 'Kettleby Tea', '--at', DEMO_END.toISOString(), '--format', 'table']);
    await run('what needs a reply on the last day: safety reports, complaints, then questions', [
      'inbox', '--brand', 'Kettleby Tea', '--since', new Date(DEMO_END.getTime() - 86_400_000).toISOString(), '--until', DEMO_END.toISOString(), '--limit', '5',
    ]);
    await run('and the questions waiting among them', [
      'inbox', '--brand', 'Kettleby Tea', '--since', new Date(DEMO_END.getTime() - 86_400_000).toISOString(), '--until', DEMO_END.toISOString(), '--limit', '5', '--only', 'question',
    ]);
    await run('what customers ask for: their suggestions of the four weeks, grouped by topic', [
      'ideas', '--brand', 'Kettleby Tea', '--since', new Date(DEMO_END.getTime() - 28 * 86_400_000).toISOString(), '--until', DEMO_END.toISOString(), '--limit', '3',
    ]);
    await run('the two brands side by side: share of voice, sentiment, complaints, top issues', [
      'compare', '--set', 'tea market', '--since', new Date(DEMO_END.getTime() - 14 * 86_400_000).toISOString(), '--until', DEMO_END.toISOString(), '--by', 'week', '--format', 'table',
    ]);
    const more = [
      ['earshot', 'report', '--brand', 'Brindle Tea', '--at', DEMO_END.toISOString()],
      ['earshot', 'compare', '--set', 'tea market', '--until', DEMO_END.toISOString(), '--format', 'html', '--out', 'compare.html'],
      ['earshot', 'export', '--sentiment', 'negative'],
      ['earshot', 'ideas', '--brand', 'Kettleby Tea', '--since', new Date(DEMO_END.getTime() - 28 * 86_400_000).toISOString(), '--until', DEMO_END.toISOString(), '--format', 'html'],
    ];
    process.stdout.write(`\nTry more in ${shellQuote(dir)}: ${more.map(shellCommand).join(', ')}\n`);
    // npm install builds earshot but does not put it on PATH
    process.stdout.write(`(\`earshot\` is a command once you run \`npm link\` in ${shellQuote(root)}; until then: node ${shellQuote(bin)} …)\n`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
