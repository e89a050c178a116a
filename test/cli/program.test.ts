import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandNameOf } from '../../src/cli/program.js';
import { makeTempDir, runCli } from '../support/cli.js';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const argv = (...args: string[]) => ['node', 'earshot', ...args];

describe('loading only the command a run names', () => {
  it('finds the command past the global options and their values', () => {
    expect(commandNameOf(argv('report', '--brand', 'Acme'))).toBe('report');
    expect(commandNameOf(argv('--db', 'x.db', '--quiet', 'status'))).toBe('status');
    // a database or config file named like a command is an option's value, not the command
    expect(commandNameOf(argv('--db', 'report', 'status'))).toBe('status');
    expect(commandNameOf(argv('--config', 'scan', '--db=run', 'export'))).toBe('export');
    expect(commandNameOf(argv('migrate-store', '--to', 'b.db'))).toBe('migrate-store');
  });

  it('loads every command for help, a typo, or no command at all', () => {
    expect(commandNameOf(argv())).toBeNull();
    expect(commandNameOf(argv('--help'))).toBeNull();
    expect(commandNameOf(argv('help', 'report'))).toBeNull();
    expect(commandNameOf(argv('reprot'))).toBeNull();
    expect(commandNameOf(argv('--db', 'x.db'))).toBeNull();
    expect(commandNameOf(argv('--', 'report'))).toBeNull();
    // an inherited property is no command
    expect(commandNameOf(argv('toString'))).toBeNull();
  });

  it('still lists every command, suggests the nearest for a typo, and runs one named after a value', async () => {
    const help = await runCli(['--help'], { cwd: tmp.dir });
    for (const name of ['init', 'scan', 'import', 'analyze', 'label', 'review', 'train', 'report', 'compare', 'status', 'search', 'export', 'alert', 'run', 'migrate-store']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    const typo = await runCli(['reprot'], { cwd: tmp.dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'reprot'");
    expect(typo.stderr).toMatch(/^earshot: unknown command 'reprot' \(Did you mean report\?\) — see earshot --help\n$/);
    writeFileSync(join(tmp.dir, 'one.jsonl'), `${JSON.stringify({ id: '1', source: 'x', created_at: '2026-11-20T12:00:00Z', text: 'tea' })}\n`);
    expect((await runCli(['--db', 'report', 'import', 'one.jsonl', '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir })).code).toBe(0);
    const status = await runCli(['--db', 'report', 'status', '--format', 'json'], { cwd: tmp.dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).totalMentions).toBe(1);
  });
});
