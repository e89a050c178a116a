import { z } from 'zod';

const word = z.string().trim().min(1, 'must not be empty');
const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const redditQuery = z.strictObject({
  query: word.optional(),
  subreddits: z.array(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'must be a subreddit name without r/')).default([]),
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
    })
    .default({}),
});

const alertRules = {
  brands: z.array(word).default([]),
  minScore: z.number().min(0).default(0),
  minMentions: z.number().int().min(0).default(5),
  minNegativeShare: z.number().min(0).max(1).default(0),
  /** Hours before the same issue may alert again, unless it grew by `regrowFactor`. */
  cooldownHours: z.number().min(0).default(24),
  regrowFactor: z.number().min(1).default(2),
};

export const alertTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('slack'), name: word.optional(), url, ...alertRules }),
  z.strictObject({ type: z.literal('webhook'), name: word.optional(), url, secret: word.optional(), ...alertRules }),
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
    })
    .default({}),
  alerts: z.array(alertTargetSchema).default([]),
  scan: z
    .strictObject({
      maxPosts: z.number().int().min(1).default(1000),
      maxWaitSeconds: z.number().min(0).default(60),
      maxPages: z.number().int().min(1).default(50),
    })
    .default({ maxPosts: 1000, maxWaitSeconds: 60, maxPages: 50 }),
}).superRefine((config, ctx) => {
  const names = new Set(config.brands.map((b) => b.name.toLowerCase()));
  config.compare.forEach((set, i) => set.brands.forEach((brand, j) => {
    if (!names.has(brand.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['compare', i, 'brands', j], message: `no brand "${brand}" in brands` });
    }
  }));
});

export type Config = z.infer<typeof configSchema>;
export type BrandConfig = z.infer<typeof brandSchema>;
export type AlertTarget = z.infer<typeof alertTargetSchema>;
export type CompareSet = z.infer<typeof compareSetSchema>;
