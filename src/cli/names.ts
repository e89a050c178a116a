import { UsageError } from '../errors.js';
import type { Store } from '../store/store.js';

/** The sources earshot scans; imported rows may carry other one-word names. */
export const SOURCE_NAMES = ['x', 'reddit', 'hackernews', 'bluesky', 'rss', 'appstore'] as const;

/** Names people type for a source, and the name earshot stores it under. */
const SOURCE_ALIASES: Record<string, string> = {
  twitter: 'x', tweets: 'x', 'x.com': 'x', hn: 'hackernews', 'hacker-news': 'hackernews', 'hacker news': 'hackernews',
  bsky: 'bluesky', 'app-store': 'appstore', 'app store': 'appstore', itunes: 'appstore', feed: 'rss', atom: 'rss', news: 'rss',
};

/**
 * --source as stored, lowercased: a known source, or a name imported rows carry. A common
 * other name ("twitter") says which name earshot uses; any other typo is a usage error.
 */
export async function checkSource(store: Store | null, flag: string): Promise<string> {
  const name = flag.trim().toLowerCase();
  if ((SOURCE_NAMES as readonly string[]).includes(name)) return name;
  if (store && await hasSource(store, name)) return name;
  const alias = SOURCE_ALIASES[name];
  if (alias) throw new UsageError(`unknown source "${flag}"`, `the source is ${alias}: --source ${alias}`);
  const near = closestNames(name, SOURCE_NAMES);
  throw new UsageError(`unknown source "${flag}"`, near.length ? `did you mean ${near.join(' or ')}? (sources: ${SOURCE_NAMES.join(', ')})` : `one of: ${SOURCE_NAMES.join(', ')}`);
}

/** Whether any stored mention has this source (imports may bring names earshot does not scan). */
async function hasSource(store: Store, source: string): Promise<boolean> {
  for await (const _row of store.exportMentions({ source, limit: 1 })) return true;
  return false;
}

/** Up to three names within a small edit distance of `name` (case-insensitive), closest first. */
export function closestNames(name: string, names: readonly string[]): string[] {
  const target = name.toLowerCase();
  return names
    .map((n) => ({ n, d: editDistance(target, n.toLowerCase()) }))
    .filter(({ n, d }) => d <= Math.max(2, Math.floor(n.length / 3)) || n.toLowerCase().includes(target) || target.includes(n.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, 3)
    .map(({ n }) => n);
}

/** Levenshtein distance; names are short, so the plain two-row table is enough. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}
