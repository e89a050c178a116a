import { analyzePending } from '../core/analyze.js';
import { LATEST_REPORT } from '../core/latest-report.js';
import { buildReport } from '../core/report.js';
import type { ReportIssue } from '../domain/report.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { DETECT_CASES, type DetectCase } from './bench/detect-cases.js';
import { indexWords, naiveFiringsAt } from './bench/naive-alert.js';
import { generateScenario } from './scenarios/generate.js';

/**
 * `npm run bench:detect`: time to detection. Each scenario is replayed with a report every
 * STEP_HOURS from the problem's first post to its end (a control: over its last five
 * days), and prints the hours until earshot first ranks the problem first as an issue,
 * the same for the naive 3σ daily word alert (bench/naive-alert.ts), and false alarms:
 * days the naive alert fires on other words; for controls, checkpoints at which earshot
 * reports any issue. `--step 1` reports every hour; `--only <text>` picks scenarios;
 * `--window 24` tries a shorter report window than the default 48 h.
 */
const END = new Date('2026-11-24T18:00:00.000Z');
const HOUR = 3_600_000;
const CONTROL_HOURS = 5 * 24;

interface Row {
  name: string;
  checkpoints: number;
  earshotHours: number | null;
  naiveHours: number | null;
  /** Checkpoints at which earshot reports an issue that is not the problem (on a control: any issue). */
  earshotFalse: number;
  /** Distinct days on which the naive alert fires on a word that is not the problem's. */
  naiveFalseDays: number;
}

async function replay(c: DetectCase, stepHours: number, windowHours: number): Promise<Row> {
  const scenario = c.make(END);
  const mentions = generateScenario(scenario);
  const isProblem = (m: { author?: string | null }) => !!c.problem && new RegExp(`^${c.problem.stream.replace(/\W+/g, '')}\\d+$`).test(m.author ?? '');
  const onset = c.problem ? Math.min(...mentions.filter(isProblem).map((m) => Date.parse(m.createdAt))) : END.getTime() - CONTROL_HOURS * HOUR;
  const store = new SqliteStore(':memory:');
  try {
    for (let i = 0; i < mentions.length; i += 1000) await store.upsertMentions(mentions.slice(i, i + 1000));
    await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    const index = indexWords(mentions, isProblem);
    const row: Row = { name: c.name, checkpoints: 0, earshotHours: null, naiveHours: null, earshotFalse: 0, naiveFalseDays: 0 };
    const falseDays = new Set<number>();
    for (let at = onset + stepHours * HOUR; at <= END.getTime(); at += stepHours * HOUR) {
      row.checkpoints++;
      const hours = Math.round((at - onset) / HOUR);
      const report = await buildReport(store, { brand: scenario.brand, at: new Date(at), ...LATEST_REPORT, windowHours });
      const isIt = (i: ReportIssue) => !!c.problem && c.problem.terms.test(`${i.label} ${i.terms.join(' ')}`);
      if (row.earshotHours === null && report.issues[0] && isIt(report.issues[0])) row.earshotHours = hours;
      if (report.issues.some((i) => !isIt(i))) row.earshotFalse++;
      const firings = naiveFiringsAt(index, at);
      if (row.naiveHours === null && firings.some((f) => f.problem)) row.naiveHours = hours;
      for (const f of firings) if (!f.problem) falseDays.add(f.day);
    }
    row.naiveFalseDays = falseDays.size;
    return row;
  } finally {
    await store.close();
  }
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const step = Number(flag(args, '--step') ?? 6);
  if (!Number.isFinite(step) || step <= 0) throw new Error('--step needs a positive number of hours');
  const only = flag(args, '--only');
  const windowHours = Number(flag(args, '--window') ?? LATEST_REPORT.windowHours);
  if (!Number.isFinite(windowHours) || windowHours <= 0) throw new Error('--window needs a positive number of hours');
  const cases = DETECT_CASES.filter((c) => !only || c.name.includes(only));
  const show = (h: number | null) => (h === null ? 'never' : `${h} h`);
  console.log(`a ${windowHours} h report every ${step} h from the problem's first post (controls: their last ${CONTROL_HOURS / 24} days)\n`);
  console.log('| scenario | checkpoints | earshot: ranked first | earshot: other issues (checkpoints) | 3σ alert: fires | 3σ alert: false-alarm days |');
  console.log('|---|---|---|---|---|---|');
  const rows: Array<{ c: DetectCase; r: Row }> = [];
  for (const c of cases) {
    const r = await replay(c, step, windowHours);
    rows.push({ c, r });
    const control = !c.problem;
    console.log(`| ${r.name} | ${r.checkpoints} | ${control ? '—' : show(r.earshotHours)} | ${r.earshotFalse} | ${control ? '—' : show(r.naiveHours)} | ${r.naiveFalseDays} |`);
  }
  for (const heldOut of [false, true]) {
    const picked = rows.filter(({ c }) => !!c.heldOut === heldOut);
    if (picked.length > 0) console.log(`\n${heldOut ? 'held out' : 'tuned on'}: ${summary(picked)}`);
  }
}

/** Median and worst hours to first rank (never counts as worst), and false alarms on controls. */
function summary(rows: Array<{ c: DetectCase; r: Row }>): string {
  const hours = rows.filter(({ c }) => c.problem).map(({ r }) => r.earshotHours ?? Infinity).sort((a, b) => a - b);
  const median = hours.length === 0 ? NaN : hours.length % 2 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;
  const falseAlarms = rows.filter(({ c }) => !c.problem).reduce((n, { r }) => n + r.earshotFalse, 0);
  const worst = hours.at(-1);
  return `earshot median ${median} h, worst ${worst === Infinity ? 'never' : `${worst} h`} over ${hours.length} problems; `
    + `${falseAlarms} false-alarm checkpoints on controls`;
}

main().catch((error: unknown) => {
  console.error(`bench-detect: ${(error as Error).message}`);
  process.exitCode = 1;
});
