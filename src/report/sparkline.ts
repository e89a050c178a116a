const BARS = '▁▂▃▄▅▆▇█';

/** A unicode sparkline of counts, scaled to the largest. */
export function sparkline(values: number[]): string {
  const max = Math.max(...values, 0);
  if (max === 0) return BARS[0]!.repeat(values.length);
  return values.map((v) => BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1) + 0.5))]).join('');
}

/** A count as every format prints it: 2695 → "2,695" (tables do the same for numeric cells). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Below this many expected mentions a group has no baseline to be a multiple of. */
const NO_BASELINE = 1;

/**
 * "×48" for growth (voices over the baseline's voices); "new" when the baseline had almost
 * no voices (a table cell under "× voices"). `baselineVoices` is the issue's, so the
 * multiple and "new" are judged on the same unit.
 */
export function growthText(growth: number, baselineVoices: number): string {
  return baselineVoices < NO_BASELINE ? 'new' : `×${growth >= 10 ? count(Math.round(growth)) : growth.toFixed(1)}`;
}

/**
 * The same in prose, for every renderer that writes a sentence (HTML cards, Markdown
 * trends, Slack): "×4.2 voices vs baseline (3 expected)" — the multiple and the expected
 * count both in voices, never × on voices beside an expected count of posts — or for a
 * group with no baseline "new (no voices in the baseline)".
 */
export function growthPhrase(growth: number, baselineVoices: number): string {
  if (baselineVoices < NO_BASELINE) return 'new (no voices in the baseline)';
  const expected = baselineVoices.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${growthText(growth, baselineVoices)} voices vs baseline (${expected} expected)`;
}
