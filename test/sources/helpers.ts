import { configSchema, type BrandConfig, type Config } from '../../src/config/schema.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { createSources, type SourceOptions } from '../../src/sources/create-sources.js';
import type { FetchContext, Source, SourceEvent } from '../../src/sources/source.js';
import { loadReplayData, startReplayServer, type ReplayServer, type ReplayServerOptions } from '../../src/replay/index.js';

export const FIXTURES = new URL('../../fixtures/api/', import.meta.url).pathname;

export const BRAND: BrandConfig = {
  name: 'Kettleby Tea',
  aliases: ['Kettleby'],
  exclude: [],
  queries: { reddit: { subreddits: ['tea'] } },
};

export function startReplay(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  return startReplayServer({ data: loadReplayData(FIXTURES), ...options });
}

/** The replay server's environment minus NODE_EXTRA_CA_CERTS, which only a child process reads. */
export function replayEnv(server: ReplayServer): Record<string, string> {
  const { NODE_EXTRA_CA_CERTS: _ca, ...env } = server.env();
  return env;
}

export function buildSources(
  server: ReplayServer,
  options: SourceOptions = {},
  env: Record<string, string | undefined> = {},
  config: Config = configSchema.parse({}),
): Record<string, Source> {
  const sources = createSources(config, { ...replayEnv(server), ...env }, { ca: server.caPem, retry: { baseDelayMs: 10 }, timeoutMs: 5000, ...options });
  return Object.fromEntries(sources.map((source) => [source.name, source]));
}

/** Cursors kept in memory and committed page by page, as the store does in one transaction. */
export class CursorBook {
  readonly values = new Map<string, string>();
  readonly stored = new Map<string, MentionInput>();
  /** Saved logins (Bluesky), as the store's source_sessions keeps them. */
  readonly sessions = new Map<string, string>();
  events: SourceEvent[] = [];

  context(overrides: Partial<FetchContext> = {}): FetchContext {
    return {
      getCursor: async (stream) => this.values.get(stream) ?? null,
      sessions: {
        get: async (account) => this.sessions.get(account) ?? null,
        save: async (account, value) => {
          if (value === null) this.sessions.delete(account);
          else this.sessions.set(account, value);
        },
      },
      maxPosts: 10_000,
      maxWaitMs: 5_000,
      maxPages: 50,
      onEvent: (event) => this.events.push(event),
      ...overrides,
    };
  }

  /** Runs one scan of a source; returns what it read, and the error it ended with, if any. */
  async scan(source: Source, brand: BrandConfig, overrides: Partial<FetchContext> = {}) {
    this.events = [];
    const result = { pages: 0, postsRead: 0, inserted: 0, mentions: [] as MentionInput[], error: null as unknown };
    try {
      for await (const page of source.fetchMentions(brand, this.context(overrides))) {
        result.pages++;
        result.postsRead += page.postsRead;
        for (const mention of page.mentions) {
          if (!this.stored.has(mention.id)) result.inserted++;
          this.stored.set(mention.id, mention);
          result.mentions.push(mention);
        }
        if (page.cursor) this.values.set(page.cursor.stream, page.cursor.value);
      }
    } catch (error) {
      result.error = error;
    }
    return result;
  }
}

/** How many fixture items mention the brand, counted the simple way the server matches. */
export function countMatching(items: Array<Record<string, unknown>>, read: (item: Record<string, unknown>) => string): number {
  return items.filter((item) => read(item).toLowerCase().includes('kettleby')).length;
}
