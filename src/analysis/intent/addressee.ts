// Who a suggestion is for. The suggestion head means what SemEval-2019 Task 9 means: the
// author proposes something — to the brand ("please put kettles back in the rooms", "the app
// needs an export button") or to other customers ("ask for a room on the top floor", "order
// the lamb"). Only the first kind is an idea for the product team, so `ideas`, `report
// --ideas` and suggestion alerts keep a suggestion only when it is addressed to the brand.
// Word order decides, sentence by sentence: who the subject of "should/needs" is (the hotel,
// they, the app → the brand; families, anyone → customers; "you" → the verb decides), the
// verb an imperative opens with ("add", "bring back", "hire" → the brand; "ask for", "bring",
// "order", "avoid" → customers), and set phrases ("would be nice", "wish they" vs "i'd
// recommend", "if you stay", "tip:"). With no cue either way a suggestion is not counted for
// the brand: an idea needs a sign that someone is asked to act ("please", "should", "add"…),
// which keeps out stories the suggestion head mistakes for advice ("cut open a bag and found…").
// Rules written against the dev half of bench/probes/ideas.jsonl only (and, for "no sign, no
// idea", the demo's stories and questions; see bench/probes/README.md).

/** `unclear`: no sign either way (then it is no idea for the brand). */
export type Addressee = 'brand' | 'customers' | 'unclear';

/** Verbs that, opening an imperative or after "you should", ask the brand to act. */
const BRAND_VERBS = new Set(`add sell stock restock offer fix hire open start stop train replace include release introduce allow let support lower reduce
  remove change improve extend sort install consider expand rethink redesign upgrade drop nerf buff send text email leave update make do give keep
  bring put take raise discontinue refund answer list label rename reopen return`.split(/\s+/));
/** Verbs that, opening an imperative or after "you should", advise a customer. */
const CUSTOMER_VERBS = new Set(`ask book avoid try get go pack skip order grab request pay sit buy download wait sign size save share store mix microwave
  apply patch play watch charge check head visit eat drink walk stay choose pick reserve arrive come ring call tell turn switch mute clear set use
  print track fill pitch photograph expect plan budget look bother miss forget bring put take keep leave go see join follow read test taste
  stick aim plug swap freeze heat log restart reinstall reset unplug wear`.split(/\s+/));
/** Verbs both lists hold: the words after them decide (see verbVote). */
const AMBIGUOUS = new Set([...BRAND_VERBS].filter((v) => CUSTOMER_VERBS.has(v)));
/** Subjects that are other customers ("families should…"); "you" is left to its verb. */
const CUSTOMER_SUBJECTS = new Set(['families', 'guests', 'visitors', 'everyone', 'everybody', 'anyone', 'anybody', 'people', 'travellers', 'travelers',
  'couples', 'parents', 'newbies', 'beginners', 'folks', 'yall', "y'all"]);
const YOU = new Set(['you', 'u', 'ya']);
/** Subjects after a modal: a question ("should i…", "could we…"). */
const INVERTED = new Set(['i', 'we', 'you', 'u', 'they', 'it', 'he', 'she']);
const MODALS = new Set(['should', 'shouldnt', "shouldn't", 'must', 'need', 'needs', 'ought', 'could', 'gotta', 'has', 'have']);
/** Words skipped before a sentence's first verb. */
const OPENERS = new Set(['please', 'pls', 'plz', 'definitely', 'honestly', 'just', 'also', 'and', 'so', 'seriously', 'really', 'always', 'then',
  'hey', 'hi', 'hello', 'ok', 'okay', 'oh', 'but', 'pro', 'tip', 'tips', 'advice', 'psa', 'btw', 'top', 'my', 'guys', 'folks', 'again', 'maybe', 'defo', 'def']);
/** People on the brand's side: naming them says who is meant to act. */
const BRAND_SIDE = new Set(['management', 'owners', 'owner', 'manager', 'managers', 'devs', 'developers', 'designers', 'company', 'corporate', 'hq']);
/** Irregular past tenses ("if you sold…"). */
const PAST = new Set(['sold', 'made', 'did', 'brought', 'had', 'put', 'gave', 'built', 'sent', 'kept', 'let', 'took', 'got', 'were', 'was', 'could']);
const PRAISE = new Set(['nice', 'great', 'amazing', 'lovely', 'useful', 'brilliant', 'perfect', 'good', 'awesome', 'helpful', 'cool', 'better', 'ideal', 'handy']);

/** Brand vs customer votes for one sentence's words (lower case). */
function sentenceVotes(w: readonly string[]): { brand: number; customers: number } {
  let brand = 0;
  let customers = 0;
  const at = (i: number) => w[i] ?? '';
  for (let i = 0; i < w.length; i++) {
    const word = at(i);
    const next = at(i + 1);
    if (BRAND_SIDE.has(word)) brand += 2;
    if (word === 'recommend' || word === 'recommended' || word === 'tip' || word === 'advice' || word === 'psa') customers += 2;
    // "if you stay here…" advises; "if you sold it in jars…" (a past tense) wishes the brand would
    if (word === 'if' && YOU.has(next)) {
      if (PAST.has(at(i + 2)) || (at(i + 2).endsWith('ed') && !at(i + 2).endsWith('eed'))) brand += 2;
      else customers += 2;
    }
    if ((word === 'make' || word === 'be') && (next === 'sure' || next === 'certain')) customers += 2;
    if (word === 'trust' && next === 'me') customers += 1;
    if (word === 'thank' && next === 'me') customers += 2;
    if (word === 'worth' && (next === 'it' || next === 'every' || next === 'the')) customers += 1;
    if ((word === "won't" || word === 'wont') && next === 'regret') customers += 2;
    if (word === 'for' && (next === 'anyone' || next === 'families' || next === 'anybody')) customers += 2;
    if (word === 'would' && (PRAISE.has(next) || (next === 'be' && PRAISE.has(at(i + 2))) || next === 'love' || next === 'pay')) brand += 2;
    if ((word === "it'd" || word === "itd") && (PRAISE.has(next) || (next === 'be' && PRAISE.has(at(i + 2))))) brand += 2;
    if (word === 'wish' && next !== 'i' && next !== "i'd" && next !== "i'd" && next !== 'me' && next !== 'we') brand += 2;
    if ((word === 'how' || word === 'what') && next === 'about') brand += 2;
    if (word === 'any' && next === 'chance') brand += 2;
    if (word === 'why' && next === 'not') brand += 2;
    if ((word === 'feature' || word === 'suggestion') && next !== 'of') brand += 2;
    if (word === 'option' || word === 'ability') brand += 1;
    if ((word === 'let' || word === 'give' || word === 'send' || word === 'show') && (next === 'us' || next === 'me')) brand += 2;
    if ((word === 'bring' || word === 'put') && (next === 'back' || at(i + 2) === 'back' || at(i + 3) === 'back')) brand += 2;
    // "which one should i get" asks: the subject after the modal is no one's proposal
    const asking = INVERTED.has(next);
    if (MODALS.has(word) && i > 0 && !asking && ((word !== 'has' && word !== 'have') || next === 'to')) {
      const subject = at(i - 1);
      if (YOU.has(subject)) {
        // "you should try…" advises; "you should add…" asks the brand; the verb decides
        const v = verbVote(w, nextVerbAt(w, i + 1));
        brand += v.brand; customers += v.customers;
        // "you need refill pouches": no verb, something the brand lacks
        if (v.brand + v.customers === 0 && (word === 'need' || word === 'needs')) brand += 1;
      } else if (CUSTOMER_SUBJECTS.has(subject)) customers += 3;
      else if (subject !== 'i' && subject !== 'we' && subject !== "i'd" && subject !== 'should') brand += 3;
    }
  }
  // an imperative: the sentence opens with its verb
  let first = 0;
  let pleased = false;
  while (first < w.length && (OPENERS.has(at(first)) || at(first).startsWith('@'))) pleased ||= /^(please|pls|plz)$/.test(at(first++));
  if (at(first) === "don't" || at(first) === 'dont' || at(first) === 'never') {
    const v = at(first + 1);
    if (v === 'change' || v === 'stop' || v === 'remove' || v === 'drop' || v === 'discontinue' || v === 'raise') brand += 2;
    else customers += 2;
  } else if (pleased && AMBIGUOUS.has(at(first))) {
    brand += 2; // "please put…", "please keep…": a customer tipping others rarely says please
  } else if (BRAND_VERBS.has(at(first)) || CUSTOMER_VERBS.has(at(first))) {
    const v = verbVote(w, first);
    brand += v.brand; customers += v.customers;
  }
  if (w.some((x) => x === 'please' || x === 'pls' || x === 'plz')) brand += 1;
  return { brand, customers };
}

/** Index of the verb after a modal ("should really try", "need to add"). */
function nextVerbAt(w: readonly string[], i: number): number {
  let j = i;
  while (j < w.length && (w[j] === 'to' || w[j] === 'really' || w[j] === 'definitely' || w[j] === 'totally' || w[j] === 'just' || w[j] === 'also' || w[j] === 'def')) j++;
  return j;
}

/** Votes of the verb at `i`: a list verb, or for a verb on both lists the words after it. */
function verbVote(w: readonly string[], i: number): { brand: number; customers: number } {
  const verb = w[i] ?? '';
  const after = w.slice(i + 1, i + 5);
  if (verb === 'make' && after[0] === 'sure') return { brand: 0, customers: 2 };
  if (!AMBIGUOUS.has(verb)) return BRAND_VERBS.has(verb) ? { brand: 2, customers: 0 } : CUSTOMER_VERBS.has(verb) ? { brand: 0, customers: 2 } : { brand: 0, customers: 0 };
  if (after.includes('your') || after.includes('yourself')) return { brand: 0, customers: 2 };
  if (after.includes('us') || after.includes('me') || after.includes('back')) return { brand: 2, customers: 0 };
  if (verb === 'make') return after[0] === 'sure' ? { brand: 0, customers: 2 } : { brand: 2, customers: 0 };
  if (verb === 'do') return { brand: 2, customers: 0 };
  if (verb === 'stop') return (after[0] ?? '').endsWith('ing') ? { brand: 2, customers: 0 } : { brand: 0, customers: 2 };
  if (verb === 'take') return ['cards', 'card', 'bookings', 'reservations', 'orders', 'returns'].includes(after[0] ?? '') ? { brand: 2, customers: 0 } : { brand: 0, customers: 2 };
  if (verb === 'get') return after[0] === 'more' || after[0] === 'rid' || after[0] === 'some' ? { brand: 2, customers: 0 } : { brand: 0, customers: 2 };
  return CUSTOMER_VERBS.has(verb) && !['update', 'leave', 'keep', 'give', 'let'].includes(verb) ? { brand: 0, customers: 2 } : { brand: 2, customers: 0 };
}

/** The post's sentences as lower-case words (handles and URLs kept as one word each). */
function sentences(text: string): string[][] {
  return text.toLowerCase().replaceAll('’', "'").replace(/https?:\/\/\S+/g, ' ')
    .split(/[.!?;,\n]+|\s[-–—]\s|:\s/)
    .map((s) => s.match(/@?[a-z0-9][a-z0-9'_-]*/g) ?? []).filter((s) => s.length > 0);
}

/** Who a suggestion is addressed to (meaningful for texts the suggestion head flags). */
export function suggestionAddressee(text: string): Addressee {
  let brand = 0;
  let customers = 0;
  for (const words of sentences(text)) {
    const v = sentenceVotes(words);
    brand += v.brand; customers += v.customers;
  }
  // a post that opens on a handle talks to that account
  if (/^\s*@\w/.test(text)) brand += 1;
  return brand > customers ? 'brand' : customers > brand ? 'customers' : 'unclear';
}

/** True when a suggestion is for the brand: what `ideas` and suggestion alerts keep. */
export function isSuggestionForBrand(text: string): boolean {
  return suggestionAddressee(text) === 'brand';
}
