import type { ReportIssue } from '../domain/report.js';

/**
 * Identifies an issue across runs: its terms, normalised like term keys (lowercase,
 * no spaces, hyphens or apostrophes) and sorted, so their order in the report does not matter.
 */
export function issueKeyOf(issue: Pick<ReportIssue, 'terms'> & Partial<Pick<ReportIssue, 'termKeys'>>): string {
  return [...new Set((issue.termKeys?.length ? issue.termKeys : issue.terms).map((t) => t.toLowerCase().replace(/[\s\-'’]+/g, '')))].sort().join('|');
}

/** Share of terms two issue keys have in common (Jaccard). */
export function termOverlap(a: string, b: string): number {
  const terms = new Set(a.split('|'));
  const other = new Set(b.split('|'));
  const shared = [...other].filter((t) => terms.has(t)).length;
  return shared / (terms.size + other.size - shared);
}
