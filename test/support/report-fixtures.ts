import type { Report, ReportIssue } from '../../src/domain/report.js';

/** A report issue and a report with fixed times, for alert and issue-state tests. */
export function makeIssue(extra: Partial<ReportIssue> = {}): ReportIssue {
  return {
    rank: 1, label: 'plastic in tea bags', terms: ['tea bag', 'plastic'], score: 12.5, mentions: 40, authors: 31,
    baselineMentions: 2, growth: 20, negativeShare: 0.85, baselineNegativeShare: 0.1, complaintShare: 0.7, baselineComplaintShare: 0.05,
    complaintEvidenceShare: 0.68, safety: false, safetyShare: 0, safetyVoices: 0, engagement: 300,
    firstSeen: '2026-11-18T09:00:00.000Z', series: [0, 1, 0, 5, 34],
    samples: [
      { id: '1', source: 'x', author: '<!channel> @here', text: 'Plastic in my <b>tea</b> & bags?! <https://evil.example|click>', url: 'https://x.com/a/status/1', created_at: '2026-11-20T10:00:00.000Z', sentiment: 'negative', complaint: true },
      { id: '2', source: 'reddit', author: 'b', text: 'microplastics from tea bags', url: 'https://reddit.com/r/tea/2', created_at: '2026-11-20T11:00:00.000Z', sentiment: 'negative', complaint: true },
      { id: '3', source: 'x', author: 'c', text: 'third sample', url: null, created_at: '2026-11-20T12:00:00.000Z', sentiment: 'negative', complaint: true },
    ],
    relatedTerms: [],
    ...extra,
    termKeys: extra.termKeys ?? (extra.terms ?? ['tea bag', 'plastic']).map((t) => t.toLowerCase().replace(/\s+/g, '')),
  };
}

export function makeReport(brand: string, issues: ReportIssue[]): Report {
  return {
    brand, generatedAt: '2026-11-20T12:00:00.000Z', at: '2026-11-20T12:00:00.000Z',
    window: { from: '2026-11-18T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z', hours: 48 },
    baseline: { from: '2026-11-04T12:00:00.000Z', to: '2026-11-18T12:00:00.000Z', hours: 336 },
    totals: { windowMentions: 100, baselineMentions: 300, windowNegativeShare: 0.4, baselineNegativeShare: 0.1, windowComplaintShare: 0.3, baselineComplaintShare: 0.05 },
    daily: [], issues, trends: [],
  };
}
