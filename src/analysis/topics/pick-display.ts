/**
 * Choose the display form for one key from the forms seen across mentions: the
 * most common, and on a tie the spaced one ("tea bag" over "teabag"), then the
 * alphabetically first so the choice is deterministic.
 */
export function pickDisplay(displays: Iterable<string>): string | undefined {
  const counts = new Map<string, number>();
  for (const display of displays) counts.set(display, (counts.get(display) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [display, count] of counts) {
    if (best === undefined || count > bestCount || (count === bestCount && isPreferred(display, best))) {
      best = display;
      bestCount = count;
    }
  }
  return best;
}

function isPreferred(a: string, b: string): boolean {
  const aSpaced = a.includes(' ');
  if (aSpaced !== b.includes(' ')) return aSpaced;
  return a < b;
}
