// Ideas for the product team: a brand's suggestions over a period, grouped by topic term.
// Greedy and deterministic: the term with the most weight makes the first idea and takes its
// mentions; the next term among the rest makes the second, and so on. A term's weight is its
// voices among the suggestions times how distinctive it is of them (log(1 + the brand's
// mentions / the brand's mentions with the term)): the product's own name ("kettle") is in
// most of a brand's posts and names no idea; "timer" does. A term in a fifth or more of a
// brand's posts (of 20 or more) is its category and names none at all. An idea's trend compares its
// voices in the period's second half with its first half. A suggestion counts only when it is
// addressed to the brand: a guest's tip to the next guest ("ask for a room on the top floor")
// is a suggestion, but not an idea for the product team (analysis/intent/addressee.ts).
import { isSuggestionForBrand } from '../analysis/intent/addressee.js';
import type { Store, SuggestionRow, SuggestionSet } from '../store/store.js';
import type { IdeaSample, IdeaTrend, ReportIdea } from '../domain/report.js';

export type { IdeaSample, IdeaTrend } from '../domain/report.js';
/** One idea, as `earshot ideas` and `report --ideas` list it. */
export type Idea = ReportIdea;

export interface IdeasResult { brand: string | null; since: string; until: string; suggestions: number; ideas: Idea[] }

export interface IdeasQuery { brand?: string; since: string; until: string; limit: number; samples: number }

export async function readIdeas(store: Store, query: IdeasQuery): Promise<IdeasResult> {
  const all = await store.suggestionMentions({ brand: query.brand, since: query.since, until: query.until });
  const set = { ...all, rows: all.rows.filter((r) => isSuggestionForBrand(r.text)) };
  return { brand: query.brand ?? null, since: query.since, until: query.until, suggestions: set.rows.length, ideas: groupIdeas(set, query) };
}

/** Groups suggestion rows (any order) into ranked ideas; pure, for tests. */
export function groupIdeas(set: SuggestionSet, query: Pick<IdeasQuery, 'since' | 'until' | 'limit' | 'samples'>): Idea[] {
  const rows = set.rows;
  const all = Math.max(set.mentions, rows.length);
  // a term in a fifth or more of all the brand's posts is its category ("tea" for a tea brand): it names no idea
  const weightOf = (key: string, voices: number) => {
    const carrying = Math.max(set.termMentions[key] ?? 1, 1);
    return all >= 20 && carrying * 5 >= all ? 0 : voices * Math.log(1 + all / carrying);
  };
  const mid = (Date.parse(query.since) + Date.parse(query.until)) / 2;
  const left = new Set(rows.map((_, i) => i));
  const ideas: Idea[] = [];
  while (ideas.length < query.limit && left.size > 0) {
    const best = bestTerm(rows, left, weightOf);
    if (!best || best.weight <= 0) break;
    const members = [...left].filter((i) => rows[i]!.terms.some((t) => t.key === best.key));
    for (const i of members) left.delete(i);
    ideas.push(ideaOf(rows, members, best, mid, ideas.length + 1, query.samples));
  }
  return ideas;
}

/** The term of most weight among `left` (ties: more voices, more mentions, then the key in byte order). */
function bestTerm(
  rows: readonly SuggestionRow[], left: ReadonlySet<number>, weightOf: (key: string, voices: number) => number,
): { key: string; display: string; weight: number } | undefined {
  const byTerm = new Map<string, { display: string; voices: Set<number>; mentions: number }>();
  for (const i of left) {
    for (const t of rows[i]!.terms) {
      const e = byTerm.get(t.key) ?? { display: t.display, voices: new Set<number>(), mentions: 0 };
      e.voices.add(rows[i]!.voice);
      e.mentions++;
      byTerm.set(t.key, e);
    }
  }
  let best: { key: string; display: string; weight: number; voices: number; mentions: number } | undefined;
  for (const [key, e] of byTerm) {
    const c = { key, display: e.display, weight: weightOf(key, e.voices.size), voices: e.voices.size, mentions: e.mentions };
    if (!best || compare(c, best) < 0) best = c;
  }
  return best;
}

function ideaOf(rows: readonly SuggestionRow[], members: number[], term: { key: string; display: string }, mid: number, rank: number, sampleCount: number): Idea {
  const voices = new Set(members.map((i) => rows[i]!.voice));
  const earlier = new Set(members.filter((i) => Date.parse(rows[i]!.createdAt) < mid).map((i) => rows[i]!.voice));
  const later = new Set(members.filter((i) => Date.parse(rows[i]!.createdAt) >= mid).map((i) => rows[i]!.voice));
  const coTerms = new Map<string, { display: string; n: number }>();
  for (const i of members) for (const t of rows[i]!.terms) if (t.key !== term.key) coTerms.set(t.key, { display: t.display, n: (coTerms.get(t.key)?.n ?? 0) + 1 });
  const shared = [...coTerms].filter(([, c]) => c.n >= 2 && c.n * 2 >= members.length)
    .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, 2).map(([, c]) => c.display);
  // samples: one per voice, most engagement first, then newest
  const seen = new Set<number>();
  const samples = [...members].sort((a, b) => rows[b]!.engagement - rows[a]!.engagement || rows[b]!.createdAt.localeCompare(rows[a]!.createdAt))
    .filter((i) => !seen.has(rows[i]!.voice) && seen.add(rows[i]!.voice)).slice(0, sampleCount)
    .map((i) => { const r = rows[i]!; return { ref: `${r.source}:${r.id}`, createdAt: r.createdAt, author: r.author, text: r.text, url: r.url, engagement: r.engagement }; });
  return {
    rank, label: term.display, terms: [term.display, ...shared], voices: voices.size, mentions: members.length,
    earlier: earlier.size, later: later.size, trend: trendOf(earlier.size, later.size), samples,
  };
}

/** Rising: at least two more voices later than earlier and half as many again; falling the other way. */
export function trendOf(earlier: number, later: number): IdeaTrend {
  if (earlier === 0) return later >= 2 ? 'new' : 'steady';
  if (later >= earlier + 2 && later >= earlier * 1.5) return 'rising';
  if (earlier >= later + 2 && earlier >= later * 1.5) return 'falling';
  return 'steady';
}

function compare(a: { key: string; weight: number; voices: number; mentions: number }, b: typeof a): number {
  return b.weight - a.weight || b.voices - a.voices || b.mentions - a.mentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
