import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { issueQuery } from '../../src/core/export.js';
import { renderSlackMessage } from '../../src/report/slack.js';
import { shellCommand } from '../../src/report/shell-quote.js';
import { makeTempDir } from '../support/cli.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';

function makeIssue(): ReportIssue {
  return {
    rank: 1, label: 'lid', terms: ['lid'], termKeys: ['lid'], score: 5, mentions: 10, authors: 8, baselineMentions: 1, growth: 10,
    negativeShare: 0.5, baselineNegativeShare: 0.1, complaintShare: 0.5, baselineComplaintShare: 0.1, engagement: 10,
    complaintEvidenceShare: 0.5, safety: false, safetyShare: 0, safetyVoices: 0,
    firstSeen: '2026-11-19T09:00:00.000Z', series: [0, 10], samples: [], relatedTerms: [],
  };
}

function makeReport(brand: string, issues: ReportIssue[]): Report {
  return {
    brand, generatedAt: '2026-11-20T12:00:00.000Z', at: '2026-11-20T12:00:00.000Z',
    window: { from: '2026-11-18T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z', hours: 48 },
    baseline: { from: '2026-11-04T12:00:00.000Z', to: '2026-11-18T12:00:00.000Z', hours: 336 },
    totals: { windowMentions: 10, baselineMentions: 1, windowNegativeShare: 0.5, baselineNegativeShare: 0.1, windowComplaintShare: 0.5, baselineComplaintShare: 0.1 },
    daily: [], issues, trends: [],
  };
}

const tmp = makeTempDir('earshot-shell-');
afterAll(() => tmp.cleanup());

const HOSTILE = [
  'Acme $(touch pwned)', 'O\'Brien "x" `id`', 'a\'b', '\'', '\'\'', '"; touch pwned; echo "', '$(touch pwned)', '`touch pwned`',
  'x && touch pwned', 'x; touch pwned', 'x | tee pwned', '> pwned', 'back\\slash\\', '!!', '$HOME ${IFS}', '*', '~', '-rf',
  'Line\nbreak', 'tab\there', 'Crème Brûlée 🍮', '',
];

/**
 * Pastes each command line into `sh -c` with `earshot` defined as a function that prints
 * its arguments NUL-separated: what the shell would hand the real binary, and nothing run.
 */
function argvOf(commands: string[]): string[][] {
  const script = `earshot() { printf '%s\\0' "$@"; printf '\\1'; }\n${commands.join('\n')}\n`;
  const out = execFileSync('sh', ['-c', script], { cwd: tmp.dir, encoding: 'utf8' });
  return out.split('\u0001').slice(0, -1).map((record) => record.split('\0').slice(0, -1));
}

/** The command in a Slack message's last block, as a person copies it (Slack's &amp; &lt; &gt; read back). */
function slackCommand(brand: string): string {
  const blocks = renderSlackMessage(makeReport(brand, [makeIssue()]), makeIssue()).blocks as Array<{ elements?: Array<{ text: string }> }>;
  const text = blocks.at(-1)!.elements![0]!.text;
  return /`(.*)`/s.exec(text)![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('command lines shown to people are quoted for a POSIX shell', () => {
  it('a Slack alert\'s export command runs nothing and passes the brand name exactly', () => {
    const argv = argvOf(HOSTILE.map(slackCommand));
    expect(argv).toEqual(HOSTILE.map((brand) => ['export', '--brand', brand, '--issue', '1', '--at', '2026-11-20T12:00:00.000Z']));
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('the hint of export --issue past the last issue does the same', () => {
    const hints = HOSTILE.map((brand) => {
      try {
        issueQuery(makeReport(brand, []), 1);
      } catch (error) {
        return (error as { hint: string }).hint.replace(/^see them with: /, '');
      }
      throw new Error('no error');
    });
    expect(argvOf(hints)).toEqual(HOSTILE.map((brand) => ['report', '--brand', brand, '--at', '2026-11-20T12:00:00.000Z']));
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it("any argument but NUL (and this test's separator) comes back from the shell exactly", () => {
    const arg = fc.string({ unit: 'binary', maxLength: 12 }).filter((s) => !/[\0\u0001]/.test(s) && s.isWellFormed());
    const cases = fc.sample(fc.array(arg, { minLength: 1, maxLength: 4 }), { numRuns: 300, seed: 17 });
    expect(argvOf(cases.map((args) => shellCommand(['earshot', ...args])))).toEqual(cases);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});
