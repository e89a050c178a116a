import { seededRandom } from '../../analysis/seeded-random.js';
import type { MentionInput } from '../../domain/mention.js';

/**
 * A seeded generator of brand chatter for the demo and the detection tests: streams
 * of posts with their own vocabulary, daily volume curve and authors, composed from
 * sentence parts so that copies differ like real posts do.
 */
export interface Stream {
  name: string;
  /** Posts on day `d` (0 = first day of the scenario). */
  perDay: (day: number, days: number) => number;
  /** Sentence cores; `{brand}` and `{product}` are filled in. */
  cores: string[];
  openers?: string[];
  closers?: string[];
  /** Authors drawn from this many accounts (a spam stream uses one or two). */
  authors: number;
  /** Every post is the same text (copy-paste spam / retweet storm). */
  verbatim?: boolean;
  engagement?: number;
  /** The source's language tag on each post: 'en' when absent; null for none (the analyser detects it). */
  lang?: string | null;
}

export interface Scenario {
  brand: string;
  handle: string;
  products: string[];
  end: Date;
  days: number;
  streams: Stream[];
  seed: number;
}

const DEFAULT_OPENERS = ['', '', '', 'Honestly,', 'ok so', 'Hey', 'PSA:', 'lol', 'Well.', 'Question:'];
const DEFAULT_CLOSERS = ['', '', '', '!', '...', ' 🤷', ' anyone else?', ' just saying', ' today'];

export function generateScenario(scenario: Scenario): MentionInput[] {
  const random = seededRandom(scenario.seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const start = scenario.end.getTime() - scenario.days * 86_400_000;
  const mentions: MentionInput[] = [];
  for (const stream of scenario.streams) {
    const verbatimText = fill(pick(stream.cores), scenario, pick);
    for (let day = 0; day < scenario.days; day++) {
      const count = Math.round(stream.perDay(day, scenario.days));
      for (let i = 0; i < count; i++) {
        const at = Math.min(start + (day + random()) * 86_400_000, scenario.end.getTime() - 60_000);
        const author = `${stream.name.replace(/\W+/g, '')}${Math.floor(random() * stream.authors)}`;
        const text = stream.verbatim ? verbatimText : compose(stream, scenario, pick);
        mentions.push({
          id: String(mentions.length + 1),
          source: 'x',
          brand: scenario.brand,
          createdAt: new Date(at).toISOString(),
          author: stream.authors <= 2 ? `${stream.name}_bot${author.slice(-1)}` : author,
          text,
          lang: stream.lang === undefined ? 'en' : stream.lang,
          metrics: { likes: Math.floor(random() * (stream.engagement ?? 5)), replies: Math.floor(random() * 3), reposts: Math.floor(random() * 2) },
        });
      }
    }
  }
  return mentions.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((m, i) => ({ ...m, id: String(1_000_000 + i) }));
}

function compose(stream: Stream, scenario: Scenario, pick: <T>(list: T[]) => T): string {
  const opener = pick(stream.openers ?? DEFAULT_OPENERS);
  const closer = pick(stream.closers ?? DEFAULT_CLOSERS);
  const core = fill(pick(stream.cores), scenario, pick);
  return `${opener} ${core}${closer}`.trim();
}

function fill(template: string, scenario: Scenario, pick: <T>(list: T[]) => T): string {
  return template
    .replaceAll('{brand}', pick([scenario.brand, scenario.brand, scenario.handle]))
    .replaceAll('{product}', pick(scenario.products));
}

/** Volume curves. */
export const steady = (n: number) => () => n;
export const lastDays = (perDay: number[]) => (day: number, days: number) => perDay[day - (days - perDay.length)] ?? 0;
export const rampUp = (from: number, to: number, firstDay: number) => (day: number, days: number) =>
  day < firstDay ? 0 : from + ((to - from) * (day - firstDay)) / Math.max(days - 1 - firstDay, 1);
