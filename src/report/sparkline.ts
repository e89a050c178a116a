const BARS = '▁▂▃▄▅▆▇█';

/** A unicode sparkline of counts, scaled to the largest. */
export function sparkline(values: number[]): string {
  const max = Math.max(...values, 0);
  if (max === 0) return BARS[0]!.repeat(values.length);
  return values.map((v) => BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1) + 0.5))]).join('');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Below this many expected mentions a group has no baseline to be a multiple of. */
const NO_BASELINE = 1;

/** "×48" for growth; "new" when the baseline had almost nothing (a table cell under "× baseline"). */
export function growthText(growth: number, baselineMentions: number): string {
  return baselineMentions < NO_BASELINE ? 'new' : `×${growth >= 10 ? Math.round(growth) : growth.toFixed(1)}`;
}

/**
 * The same in prose, for every renderer that writes a sentence (HTML cards, Markdown
 * trends, Slack): "×4.2 baseline (3 expected)", or for a group with no baseline
 * "new (none in the baseline)", never "×9 baseline (0 expected)".
 */
export function growthPhrase(growth: number, baselineMentions: number): string {
  if (baselineMentions < NO_BASELINE) return 'new (none in the baseline)';
  const expected = baselineMentions.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${growthText(growth, baselineMentions)} baseline (${expected} expected)`;
}
