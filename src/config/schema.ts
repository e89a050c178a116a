import { z } from 'zod';
import { durationMs } from '../domain/time-input.js';

const word = z.string().trim().min(1, 'must not be empty');
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const redditQuery = z.strictObject({
  query: word.optional(),
  subreddits: z.array(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name without r/')).default([]),
});

const blueskyQuery = z.strictObject({
  query: word.optional(),
  /** A language code searchPosts filters by (`en`, `de`, …). */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code like en or pt-BR').optional(),
});

const feedEntry = z.union([
  url.transform((href) => ({ url: href, all: undefined as boolean | undefined })),
  z.strictObject({ url, all: z.boolean().optional() }),
]);

const rssQuery = z.strictObject({
  feeds: z.array(feedEntry).default([]),
  /** A Google News search, read as its RSS feed. */
  news: word.optional(),
  /** Keep every item of the brand's feeds, not only those naming the brand or an alias. */
  all: z.boolean().default(false),
});

const appStoreQuery = z.strictObject({
  apps: z.array(z.string().trim().regex(/^(id)?\d{1,12}$/, 'must be an App Store app id (digits, as in apps.apple.com/…/id1234567890)')
    .transform((id) => id.replace(/^id/, ''))).min(1, 'must list at least one app id'),
  countries: z.array(z.string().trim().toLowerCase().pipe(z.string().regex(/^[a-z]{2}$/, 'must be a two-letter storefront code like gb or us'))).default(['us']),
});

export const brandSchema = z.strictObject({
  name: word,
  aliases: z.array(word).default([]),
  exclude: z.array(word).default([]),
  queries: z
    .strictObject({
      x: word.optional(),
      reddit: z.union([word.transform((query) => ({ query, subreddits: [] as string[] })), redditQuery]).optional(),
      hackernews: word.optional(),
      bluesky: z.union([word.transform((query) => ({ query, lang: undefined as string | undefined })), blueskyQuery]).optional(),
      rss: rssQuery.optional(),
      appstore: appStoreQuery.optional(),
    })
    .default({}),
});

const alertRules = {
  brands: z.array(word).default([]),
  /**
   * `issue` (default): the brand's own emerging issues. `opportunity`: the brands listed are
   * rivals, and their issues reach this target labelled as an opportunity.
   */
  kind: z.enum(['issue', 'opportunity']).default('issue'),
  minScore: z.number().min(0).default(0),
  minMentions: z.number().int().min(0).default(5),
  minNegativeShare: z.number().min(0).max(1).default(0),
  minComplaintShare: z.number().min(0).max(1).default(0),
  /** Hours before the same issue may alert again, unless it grew by `regrowFactor`. */
  cooldownHours: z.number().min(0).default(24),
  regrowFactor: z.number().min(1).default(2),
  /**
   * Hours since the last alert before growth alone may post an issue again: between runs
   * minutes apart, "growth" is the backlog the first scan had not fetched yet.
   */
  regrowAfterHours: z.number().min(0).default(6),
};

/**
 * Per-mention rules: a target with `match` posts each new mention that passes them (once,
 * batched per run), instead of emerging issues.
 */
const mentionMatch = z.strictObject({
  /** The brands' query syntax: `OR`, "phrases", `-word`; operators such as `lang:en` are ignored. */
  query: word.optional(),
  sources: z.array(z.enum(['x', 'reddit', 'hackernews', 'bluesky', 'rss', 'appstore'])).default([]),
  /**
   * Only mentions that are any of these (effective flags, a human label winning): complaints,
   * safety reports (harm or a risk of it), questions (they want a reply), suggestions; empty: any mention.
   */
  only: z.array(z.enum(['complaint', 'safety', 'question', 'suggestion'])).default([]),
  /** Likes + replies + reposts + score, at least. */
  minEngagement: z.number().int().min(0).default(0),
  /** Mentions posted per run at most; the rest are counted in the message, never posted later. */
  maxPerRun: z.number().int().min(1).max(40).default(10),
  /** Only mentions posted this many hours before the run or less: a first run does not post the archive. */
  withinHours: z.number().min(1).default(24),
});

const email = z.email({ error: 'must be an e-mail address' });

/**
 * SMTP: `tls` is `starttls` (the default: upgrade, refused when the server cannot),
 * `implicit` (TLS from the first byte, port 465) or `none` (a local relay only). The
 * password is never in the file: `passwordEnv` names the environment variable holding it.
 */
const smtp = z.strictObject({
  host: word,
  port: z.number().int().min(1).max(65_535).default(587),
  tls: z.enum(['starttls', 'implicit', 'none']).default('starttls'),
  user: word.optional(),
  passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable').default('EARSHOT_SMTP_PASSWORD'),
});

export const alertTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('slack'), name: word.optional(), url, match: mentionMatch.optional(), ...alertRules }),
  z.strictObject({ type: z.literal('webhook'), name: word.optional(), url, secret: word.optional(), match: mentionMatch.optional(), ...alertRules }),
  z.strictObject({
    type: z.literal('email'), name: word.optional(), smtp, from: email, to: z.array(email).min(1, 'must list at least one address'),
    match: mentionMatch.optional(), ...alertRules,
  }),
]);

/** A competitor set for `earshot compare --set NAME`: brands of this config, compared side by side. */
export const compareSetSchema = z.strictObject({
  name: word,
  brands: z.array(word).min(2, 'needs at least two brands'),
});

export const configSchema = z.strictObject({
  brands: z.array(brandSchema).default([]),
  compare: z.array(compareSetSchema).default([]),
  sources: z
    .strictObject({
      x: z.strictObject({ apiBase: url.optional(), bearerToken: word.optional() }).optional(),
      reddit: z
        .strictObject({
          apiBase: url.optional(),
          authBase: url.optional(),
          userAgent: word.optional(),
          clientId: word.optional(),
          clientSecret: word.optional(),
          username: word.optional(),
          password: word.optional(),
        })
        .optional(),
      hackernews: z.strictObject({ apiBase: url.optional() }).optional(),
      bluesky: z.strictObject({ apiBase: url.optional(), handle: word.optional(), appPassword: word.optional() }).optional(),
      rss: z.strictObject({ newsApiBase: url.optional() }).optional(),
      appstore: z.strictObject({ apiBase: url.optional() }).optional(),
    })
    .default({}),
  alerts: z.array(alertTargetSchema).default([]),
  scan: z
    .strictObject({
      maxPosts: z.number().int().min(1).default(1000),
      maxWaitSeconds: z.number().min(0).default(60),
      maxPages: z.number().int().min(1).default(50),
      /**
       * How often scans are scheduled (cron), e.g. "6h": a source whose last success is older
       * than twice this is overdue — status flags it and reports say its mentions are missing.
       */
      every: z.string().refine((value) => durationMs(value) !== null, 'a duration such as 30m, 6h or 1d').optional(),
    })
    .default({ maxPosts: 1000, maxWaitSeconds: 60, maxPages: 50 }),
}).superRefine((config, ctx) => {
  // a brand listed twice would be scanned twice and counted as two in every comparison
  const seen = new Map<string, number>();
  config.brands.forEach((brand, i) => {
    const key = brand.name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else ctx.addIssue({ code: 'custom', path: ['brands', i, 'name'], message: `"${brand.name}" is listed twice (also brands.${first}); brand names must differ, ignoring case` });
  });
  const names = new Set(config.brands.map((b) => b.name.toLowerCase()));
  const requireBrands = (brands: string[], path: Array<string | number>) => brands.forEach((brand, j) => {
    if (!names.has(brand.toLowerCase())) ctx.addIssue({ code: 'custom', path: [...path, j], message: `no brand "${brand}" in brands` });
  });
  config.alerts.forEach((target, i) => {
    if (target.kind === 'opportunity' && target.brands.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['alerts', i, 'brands'], message: 'an "opportunity" target must list the rival brands it watches' });
    }
    // a config without brands watches what the store holds: nothing to check the names against
    if (names.size > 0) requireBrands(target.brands, ['alerts', i, 'brands']);
    if (target.type === 'email' && target.smtp.tls === 'none' && target.smtp.user && !isLoopback(target.smtp.host)) {
      ctx.addIssue({ code: 'custom', path: ['alerts', i, 'smtp', 'tls'], message: '"none" would send the password in clear: use "starttls" or "implicit" (or a relay on this host)' });
    }
  });
  config.compare.forEach((set, i) => requireBrands(set.brands, ['compare', i, 'brands']));
});

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export type Config = z.infer<typeof configSchema>;
export type BrandConfig = z.infer<typeof brandSchema>;
export type AlertTarget = z.infer<typeof alertTargetSchema>;
export type EmailTarget = Extract<AlertTarget, { type: 'email' }>;
export type MentionMatch = z.infer<typeof mentionMatch>;
export type CompareSet = z.infer<typeof compareSetSchema>;
