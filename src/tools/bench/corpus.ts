// Synthetic corpus for `npm run bench`: seeded, so every run measures the same bytes.
// Posts are composed from clauses with a long-tail vocabulary (made-up words stand in
// for names, typos and slang), hashtags, emoji, @handles and links, with post lengths
// from one-liners to Reddit-length paragraphs, so tokenising and term extraction do
// the work real chatter makes them do.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../analysis/seeded-random.js';

export interface BrandSpec {
  name: string;
  products: string[];
  /** Share of the corpus, summing to 1 over all brands. */
  share: number;
}

export interface CorpusSpec {
  n: number;
  /** The corpus ends here and starts `days` earlier. */
  end: Date;
  days: number;
  brands: BrandSpec[];
  seed: number;
}

export const BENCH_BRANDS: BrandSpec[] = [
  { name: 'Kettleby Tea', products: ['Earl Grey', 'green tea', 'chai', 'rooibos', 'tea bags', 'gift tin'], share: 0.5 },
  { name: 'Nimbus Phone', products: ['Nimbus X2', 'charger', 'camera', 'screen', 'case', 'earbuds'], share: 0.2 },
  { name: 'Orbit Air', products: ['flight', 'app', 'lounge', 'seat', 'baggage', 'check-in'], share: 0.15 },
  { name: 'Pebble Bank', products: ['card', 'savings account', 'app', 'mortgage', 'transfer', 'branch'], share: 0.1 },
  { name: 'Juniper Shoes', products: ['trainers', 'boots', 'sandals', 'insoles', 'laces', 'returns'], share: 0.05 },
];

const OPENERS = ['', '', '', '', 'Honestly', 'ok so', 'PSA:', 'lol', 'Hot take:', 'Not gonna lie,', 'Update:', 'Question for everyone:', 'Day 3 and'];
const SUBJECTS = ['my', 'the new', 'our', 'this', 'their', 'your', 'that', 'the old'];
const VERBS = ['love', 'hate', 'tried', 'bought', 'returned', 'recommend', 'ordered', 'reviewed', 'compared', 'noticed', 'fixed', 'lost', 'found', 'need'];
const ADJECTIVES = ['amazing', 'terrible', 'decent', 'overpriced', 'gorgeous', 'broken', 'slow', 'quick', 'weird', 'solid', 'cheap', 'perfect',
  'disappointing', 'surprising', 'awful', 'fantastic', 'meh', 'reliable', 'flimsy', 'lovely'];
const NOUNS = ['customer service', 'price', 'delivery', 'packaging', 'quality', 'support team', 'website', 'update', 'refund', 'discount',
  'design', 'colour', 'smell', 'battery life', 'waiting time', 'loyalty scheme', 'newsletter', 'store', 'staff', 'instructions'];
const TAILS = ['this morning', 'last week', 'again', 'for the third time', 'after lunch', 'on the weekend', 'with my family', 'at work', 'yesterday', 'tonight'];
const EMOJI = ['😍', '😡', '🤷', '🙄', '👍', '🔥', '😂', '💀', '❤️', '😤', '🤢', '✨', '😭', '🙏'];
const TAGS = ['fail', 'love', 'mondaymood', 'review', 'unboxing', 'customerservice', 'deal', 'newin', 'rant', 'wishlist', 'ad', 'selfcare'];
const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'ter', 'ban', 'qui', 'vo', 'ple', 'dra', 'nix', 'sor', 'eel', 'pa', 'rum', 'tis', 'gon', 'wey'];

/** A dye-leak issue for the first brand: quiet for 26 days, then rising over the last two (the window). */
// Worded as real complaints are, with a word of sentiment: the model labels "X leaks
// dye after the new recipe" neutral, and a neutral rise is a trend, not an issue.
const ISSUE = ['{brand} {product} leaks dye after the new recipe, so disappointed', 'the {product} from {brand} leaks brown dye into the cup. disgusting',
  'anyone else getting dye leaking from {brand} {product}? ruined my mug 😡', '{brand} changed the recipe and now the {product} leaks dye. awful', 'dye leaking everywhere, thanks {brand} 🙄 terrible'];

type Random = () => number;

/** Writes `spec.n` JSONL mention rows to `path`, in time order. Returns the texts of the first `sample` rows. */
export async function writeCorpus(path: string, spec: CorpusSpec, sample = 20_000): Promise<string[]> {
  const random = seededRandom(spec.seed);
  const words = makeRareWords(random, 4000);
  const authors = Math.max(1000, Math.round(spec.n / 6));
  const start = spec.end.getTime() - spec.days * 86_400_000;
  const out = createWriteStream(path);
  const texts: string[] = [];
  let buffer = '';
  for (let i = 0; i < spec.n; i++) {
    const at = start + ((i + random()) / spec.n) * (spec.days * 86_400_000);
    const brand = pickBrand(spec.brands, random);
    const inIssue = brand === spec.brands[0] && isIssuePost(at, spec.end.getTime(), random);
    const text = inIssue ? issuePost(brand, words, random) : composePost(brand, words, random);
    if (texts.length < sample) texts.push(text);
    const source = random() < 0.75 ? 'x' : 'reddit';
    const author = `user${Math.floor(Math.pow(random(), 1.6) * authors)}`;
    buffer += `${JSON.stringify({
      id: String(1e15 + i), source, brand: brand.name, created_at: new Date(at).toISOString(), author, text, lang: 'en',
      url: `https://example.com/${source}/${i}`, metrics: { likes: Math.floor(random() * random() * 200), replies: Math.floor(random() * 6), reposts: Math.floor(random() * 3) },
    })}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return texts;
}

function isIssuePost(at: number, end: number, random: Random): boolean {
  const hoursLeft = (end - at) / 3_600_000;
  if (hoursLeft > 48) return random() < 0.002;
  return random() < 0.04 + 0.1 * (1 - hoursLeft / 48);
}

function pickBrand(brands: BrandSpec[], random: Random): BrandSpec {
  let r = random();
  for (const brand of brands) {
    r -= brand.share;
    if (r < 0) return brand;
  }
  return brands[brands.length - 1]!;
}

/** One to eight clauses: most posts are tweet-sized, a few are Reddit paragraphs. */
function composePost(brand: BrandSpec, words: string[], random: Random): string {
  const r = random();
  const clauses = r < 0.45 ? 1 : r < 0.8 ? 2 : r < 0.95 ? 3 : 4 + Math.floor(random() * 5);
  const parts: string[] = [];
  const opener = pick(OPENERS, random);
  if (opener) parts.push(opener);
  for (let c = 0; c < clauses; c++) parts.push(clause(brand, words, random));
  if (random() < 0.35) parts.push(`#${pick(TAGS, random)}`);
  if (random() < 0.15) parts.push(`#${brand.name.replace(/\s+/g, '')}`);
  if (random() < 0.4) parts.push(pick(EMOJI, random));
  if (random() < 0.1) parts.push(`@${pick(words, random)}${Math.floor(random() * 99)}`);
  if (random() < 0.08) parts.push(`https://t.co/${pick(words, random)}${Math.floor(random() * 1e6)}`);
  return parts.join(' ');
}

function clause(brand: BrandSpec, words: string[], random: Random): string {
  const name = random() < 0.8 ? brand.name : `@${brand.name.replace(/\s+/g, '')}`;
  const product = pick(brand.products, random);
  const rare = random() < 0.5 ? ` ${pick(words, random)}` : '';
  switch (Math.floor(random() * 5)) {
    case 0: return `I ${pick(VERBS, random)} ${pick(SUBJECTS, random)} ${name} ${product}, the ${pick(NOUNS, random)} is ${pick(ADJECTIVES, random)}${rare}.`;
    case 1: return `${name} ${pick(NOUNS, random)} ${pick(TAILS, random)} was ${pick(ADJECTIVES, random)}${rare}!`;
    case 2: return `why is the ${product} from ${name} so ${pick(ADJECTIVES, random)}?${rare}`;
    case 3: return `${pick(SUBJECTS, random)} ${product} ${pick(TAILS, random)}: ${pick(ADJECTIVES, random)} ${pick(NOUNS, random)}, ${pick(ADJECTIVES, random)} ${pick(NOUNS, random)}${rare}`;
    default: return `can't believe ${name} ${pick(VERBS, random)} my ${pick(NOUNS, random)} ${pick(TAILS, random)}${rare}`;
  }
}

/**
 * One complaint in the wave, in the poster's own words around a shared core: the
 * near-duplicate key would fold five bare templates into a few dozen copy clusters,
 * i.e. a spam wave, which detection rightly discounts.
 */
function issuePost(brand: BrandSpec, words: string[], random: Random): string {
  const parts = [pick(OPENERS, random), fill(pick(ISSUE, random), brand, random)];
  if (random() < 0.7) parts.push(`${pick(TAILS, random)} ${pick(words, random)}`);
  if (random() < 0.4) parts.push(pick(EMOJI, random));
  return parts.filter(Boolean).join(' ');
}

function fill(template: string, brand: BrandSpec, random: Random): string {
  return template.replaceAll('{brand}', brand.name).replaceAll('{product}', pick(brand.products, random));
}

function makeRareWords(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    const length = 2 + Math.floor(random() * 3);
    return Array.from({ length }, () => pick(SYLLABLES, random)).join('');
  });
}

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)]!;
}
