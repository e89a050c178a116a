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

/** "×48" for growth; "new" when the baseline had almost nothing. */
export function growthText(growth: number, baselineMentions: number): string {
  return baselineMentions < 1 ? 'new' : `×${growth >= 10 ? Math.round(growth) : growth.toFixed(1)}`;
}
