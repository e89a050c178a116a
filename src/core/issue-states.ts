import type { IssueState, Report, ReportIssue } from '../domain/report.js';
import type { AlertLog, IssueStateRecord } from '../store/store.js';
import { issueKeyOf, termOverlap } from './issue-key.js';

/**
 * Issue states across runs (docs/detection.md "States across runs"). Only the commands that write (`run`,
 * `alert`) record what they saw; `report` compares against the record without writing.
 */

/** Voices up this much since the reference point: growing; down to its inverse: fading. */
export const GROWING_FACTOR = 1.5;
/** An issue first seen less than this long ago, neither growing nor fading, is still new. */
export const NEW_HOURS = 24;
/** The reference point moves on to the current run once it is this old, so runs minutes apart compare with one point. */
export const REFERENCE_HOURS = 6;
/** Share of terms two keys must have in common (Jaccard) to be the same issue, as for alerts. */
const SAME_ISSUE_OVERLAP = 0.5;
const HOUR = 3_600_000;

export interface IssueMatch {
  /** The stored key when the issue was seen before (its identity, kept while its terms drift), else its own. */
  issueKey: string;
  state: IssueState;
  record: IssueStateRecord;
}

/** The next record and state of an issue seen at `at` with `voices`, given what a run before left (or nothing). */
export function nextIssueState(previous: IssueStateRecord | null, issue: Pick<ReportIssue, 'authors' | 'mentions'>, brand: string, issueKey: string, at: string): IssueMatch {
  const voices = issue.authors;
  if (!previous || previous.state === 'resolved') {
    const record: IssueStateRecord = {
      brand, issueKey, state: 'new', firstSeen: previous?.firstSeen ?? at, lastSeen: at, voices, mentions: issue.mentions,
      peakVoices: Math.max(voices, previous?.peakVoices ?? 0), refVoices: voices, refAt: at,
    };
    return { issueKey, state: 'new', record };
  }
  const ratio = voices / Math.max(previous.refVoices, 1);
  const hoursSinceFirst = (Date.parse(at) - Date.parse(previous.firstSeen)) / HOUR;
  const state: IssueState = ratio >= GROWING_FACTOR ? 'growing'
    : ratio <= 1 / GROWING_FACTOR ? 'fading'
      : hoursSinceFirst < NEW_HOURS ? 'new' : 'steady';
  const moveRef = Date.parse(at) - Date.parse(previous.refAt) >= REFERENCE_HOURS * HOUR;
  const record: IssueStateRecord = {
    ...previous, state, lastSeen: at, voices, mentions: issue.mentions, peakVoices: Math.max(previous.peakVoices, voices),
    ...(moveRef ? { refVoices: voices, refAt: at } : {}),
  };
  return { issueKey: previous.issueKey, state, record };
}

/**
 * Matches each issue of a report to what the runs before saw (the same key, else the most
 * similar by term overlap) and returns the report with `issueKey` and `state` on each
 * issue, plus the records a writing run saves: the issues seen, and those no longer seen,
 * marked resolved. A report older than the record's last run gets no states (it cannot
 * be compared with what came after it).
 */
export function applyIssueStates(report: Report, stored: readonly IssueStateRecord[]): { report: Report; records: IssueStateRecord[]; resolved: IssueStateRecord[] } {
  if (stored.some((r) => Date.parse(r.lastSeen) > Date.parse(report.at))) return { report, records: [], resolved: [] };
  const unmatched = new Set(stored);
  const records: IssueStateRecord[] = [];
  const annotate = (issue: ReportIssue): ReportIssue => {
    const key = issueKeyOf(issue);
    const previous = findRecord([...unmatched], key);
    if (previous) unmatched.delete(previous);
    // the same run again (a report at the run's own time) shows what the run recorded
    if (previous && previous.lastSeen === report.at && previous.state !== 'resolved') return { ...issue, issueKey: previous.issueKey, state: previous.state };
    const match = nextIssueState(previous, issue, report.brand, key, report.at);
    records.push(match.record);
    return { ...issue, issueKey: match.issueKey, state: match.state };
  };
  const issues = report.issues.map(annotate);
  const resolved = [...unmatched].filter((r) => r.state !== 'resolved').map((r) => ({ ...r, state: 'resolved' as const }));
  return { report: { ...report, issues, ...(resolved.length ? { resolved: resolved.map(resolvedInfo) } : {}) }, records: [...records, ...resolved], resolved };
}

/** The issue's record: the same key, or else the most similar key sharing at least half the terms. */
function findRecord(records: IssueStateRecord[], key: string): IssueStateRecord | null {
  const exact = records.find((r) => r.issueKey === key);
  if (exact) return exact;
  let best: IssueStateRecord | null = null;
  let bestOverlap = SAME_ISSUE_OVERLAP;
  for (const record of records) {
    const overlap = termOverlap(record.issueKey, key);
    if (overlap > bestOverlap || (overlap === bestOverlap && best === null)) [best, bestOverlap] = [record, overlap];
  }
  return best;
}

function resolvedInfo(r: IssueStateRecord) {
  return { issueKey: r.issueKey, firstSeen: r.firstSeen, lastSeen: r.lastSeen, peakVoices: r.peakVoices };
}

/** For `report` and `alert --dry-run`: states from the stored history, read only; none when no run recorded any. */
export async function readIssueStates(store: Pick<AlertLog, 'issueStates'>, report: Report): Promise<Report> {
  const stored = await store.issueStates(report.brand);
  return stored.length > 0 ? applyIssueStates(report, stored).report : report;
}

/** For `run` and `alert`: states from the stored history, then the history moves on to this report. */
export async function trackIssueStates(store: Pick<AlertLog, 'issueStates' | 'saveIssueStates'>, report: Report): Promise<Report> {
  const result = applyIssueStates(report, await store.issueStates(report.brand));
  if (result.records.length > 0) await store.saveIssueStates(result.records, report.at);
  return result.report;
}
