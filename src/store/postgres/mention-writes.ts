import type { MentionInput } from '../../domain/mention.js';
import type { CursorWrite, UpsertOutcome } from '../store.js';
import { linkedBrands } from '../linked-brands.js';
import { LOCK_CLASS, type Sql, type Tx } from './connect.js';
import { writeAuthorReach } from './reach-queries.js';
import { brandKey } from '../../domain/brand-key.js';

/** PostgreSQL text cannot hold NUL; a post that carries one is stored without it. */
export function clean<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
}

/** Brand ids are created on first use, one per brand key; the name keeps the spelling it was first seen with. */
export class BrandIds {
  private readonly ids = new Map<string, number>();
  constructor(private readonly sql: Sql) {}

  async get(name: string): Promise<number> {
    const key = brandKey(clean(name));
    let id = this.ids.get(key);
    if (id === undefined) {
      await this.sql`INSERT INTO brands (name, name_key, created_at) VALUES (${clean(name)}, ${key}, now()) ON CONFLICT (name_key) DO NOTHING`;
      const [row] = await this.sql`SELECT id FROM brands WHERE name_key = ${key}`;
      id = row!.id as number;
      this.ids.set(key, id);
    }
    return id;
  }

  /** Forgets cached ids (after a bulk copy wrote brands with their own ids). */
  clear(): void {
    this.ids.clear();
  }
}

/** Month partitions of `mentions`, created on demand for the months a batch touches. */
export class MentionPartitions {
  private readonly known = new Set<string>();
  constructor(private readonly sql: Sql) {}

  async ensure(createdAts: Iterable<string>): Promise<void> {
    const months = new Set<string>();
    for (const at of createdAts) {
      const ms = Date.parse(at);
      if (Number.isFinite(ms)) months.add(new Date(ms).toISOString().slice(0, 7));
    }
    for (const month of months) {
      if (this.known.has(month)) continue;
      await this.create(month);
      this.known.add(month);
    }
  }

  private async create(month: string): Promise<void> {
    const name = `mentions_p${month.replace('-', '_')}`;
    const [exists] = await this.sql`SELECT to_regclass(${name}) IS NOT NULL AS yes`;
    if (exists?.yes) return;
    const [year, mon] = month.split('-').map(Number) as [number, number];
    const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
    // CREATE ... PARTITION OF locks the parent; the advisory lock makes concurrent
    // scanners create each month once, and lock_timeout keeps a busy table from hanging a scan.
    await this.sql.begin(async (tx) => {
      await tx`SET LOCAL lock_timeout = '30s'`;
      await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.partition}, hashtext(current_schema()))`;
      await tx.unsafe(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF mentions
        FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${next}-01 00:00:00+00')`);
    });
  }
}

/**
 * Upserts one page in one transaction. Keys are claimed in sorted order (so two writers
 * of overlapping pages cannot deadlock) with ON CONFLICT DO NOTHING: the claim that
 * returns a row inserted the mention, any other saw it already stored. A page that
 * carries a cursor first takes a transaction advisory lock on that cursor, so two
 * scanners of one stream commit their pages and cursors one after the other.
 */
export async function upsertMentionBatch(
  sql: Sql, brands: BrandIds, partitions: MentionPartitions, input: MentionInput[], cursor: CursorWrite | undefined, at: Date,
): Promise<UpsertOutcome> {
  const now = at.toISOString();
  // one row per key, the last one's fields; its links are all of the page's for that key, as
  // SQLite's row-by-row upsert links them (a post found by two brands' searches in one page)
  const byKey = new Map<string, MentionInput>();
  for (const m of input) {
    const key = `${m.source}\u0000${m.id}`;
    const before = byKey.get(key);
    const others = before ? linkedBrands(before).filter((b) => !linkedBrands(m).includes(b)) : [];
    byKey.set(key, others.length ? { ...m, alsoBrands: [...(m.alsoBrands ?? []), ...others] } : m);
  }
  const mentions = [...byKey.values()].sort((a, b) => compare(a.source, b.source) || compare(a.id, b.id));
  const brandIds = new Map<string, number>();
  // brands are created in the page's order, so a name keeps the spelling it was first written
  // in ("ACME" before "Acme"), as on SQLite, not the spelling of the first row in key order
  for (const m of input) for (const name of linkedBrands(m)) brandIds.set(name, await brands.get(name));
  const cursorBrand = cursor ? await brands.get(cursor.brand) : 0;
  await partitions.ensure(mentions.map((m) => m.createdAt));

  return sql.begin(async (tx) => {
    if (cursor) {
      await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.cursor},
        hashtext(current_schema() || '/' || ${cursor.source} || '/' || ${cursorBrand} || '/' || ${cursor.stream}))`;
    }
    const outcome = { inserted: 0, updated: input.length - mentions.length };
    if (mentions.length > 0) {
      const claimed = await claimKeys(tx, mentions);
      await writeMentions(tx, mentions, claimed.keys, brandIds, now);
      await writeAuthorReach(tx, mentions, now);
      outcome.inserted = await linkBrands(tx, mentions, claimed, brandIds);
      outcome.updated += mentions.length - outcome.inserted;
    }
    if (cursor) {
      await tx`INSERT INTO scan_cursors (source, brand_id, stream, value, updated_at)
        VALUES (${cursor.source}, ${cursorBrand}, ${cursor.stream}, ${clean(cursor.value)}, ${now})
        ON CONFLICT (source, brand_id, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;
    }
    return outcome;
  }) as Promise<UpsertOutcome>;
}

type KeyRow = { id: number; source: string; external_id: string; created_at: string };

async function claimKeys(tx: Tx, mentions: MentionInput[]) {
  const sources = mentions.map((m) => clean(m.source));
  const ids = mentions.map((m) => clean(m.id));
  const created = await tx`
    INSERT INTO mention_keys (source, external_id, created_at)
    SELECT * FROM unnest(${sources}::text[], ${ids}::text[], ${mentions.map((m) => m.createdAt)}::timestamptz[])
    ORDER BY 1, 2
    ON CONFLICT (source, external_id) DO NOTHING RETURNING id`;
  const createdIds = new Set(created.map((r) => Number(r.id)));
  const rows = await tx<KeyRow[]>`
    SELECT k.id, k.source, k.external_id, k.created_at FROM mention_keys k
    JOIN unnest(${sources}::text[], ${ids}::text[]) AS v(source, external_id)
      ON k.source = v.source AND k.external_id = v.external_id`;
  const keys = new Map(rows.map((r) => [`${r.source}\u0000${r.external_id}`, r]));
  return { createdIds, keys };
}

async function writeMentions(tx: Tx, mentions: MentionInput[], keys: Map<string, KeyRow>, brandIds: Map<string, number>, now: string) {
  const rows = mentions.map((m) => {
    const key = keys.get(`${clean(m.source)}\u0000${clean(m.id)}`)!;
    const metrics = m.metrics ?? {};
    return {
      id: key.id, source: key.source, external_id: key.external_id, brand_id: brandIds.get(m.brand)!,
      // a mention keeps the created_at (and so the partition) it was first stored with
      created_at: key.created_at,
      author: clean(m.author ?? null), text: clean(m.text), url: clean(m.url ?? null), lang: clean(m.lang ?? null),
      likes: metrics.likes ?? null, replies: metrics.replies ?? null, reposts: metrics.reposts ?? null, score: metrics.score ?? null,
      raw: m.raw === undefined ? null : JSON.stringify(m.raw), first_seen: now, last_seen: now,
    };
  });
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  // one statement of column arrays for the page: a VALUES list binds 16 parameters a row
  await tx`INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, url, lang, likes, replies, reposts, score, raw,
      first_seen, last_seen)
    SELECT id, source, external_id, brand_id, created_at, author, text, url, lang, likes, replies, reposts, score, raw::json, first_seen, last_seen
    FROM unnest(${col('id')}::bigint[], ${col('source')}::text[], ${col('external_id')}::text[], ${col('brand_id')}::bigint[],
      ${col('created_at')}::timestamptz[], ${col('author')}::text[], ${col('text')}::text[], ${col('url')}::text[], ${col('lang')}::text[],
      ${col('likes')}::bigint[], ${col('replies')}::bigint[], ${col('reposts')}::bigint[], ${col('score')}::bigint[], ${col('raw')}::text[],
      ${col('first_seen')}::timestamptz[], ${col('last_seen')}::timestamptz[])
      AS v(id, source, external_id, brand_id, created_at, author, text, url, lang, likes, replies, reposts, score, raw, first_seen, last_seen)
    ON CONFLICT (id, created_at) DO UPDATE SET
      text = excluded.text,
      author = COALESCE(excluded.author, mentions.author),
      url = COALESCE(excluded.url, mentions.url),
      lang = COALESCE(excluded.lang, mentions.lang),
      likes = COALESCE(excluded.likes, mentions.likes),
      replies = COALESCE(excluded.replies, mentions.replies),
      reposts = COALESCE(excluded.reposts, mentions.reposts),
      score = COALESCE(excluded.score, mentions.score),
      raw = COALESCE(excluded.raw, mentions.raw),
      last_seen = excluded.last_seen`;
}

/**
 * Links each mention to its brands (in key order, like the claims). Returns how many
 * mentions are new to their own brand. A link added to a mention stored before takes its
 * analysis along, and marks that analysis for a rerun, which writes the new brand's terms.
 */
async function linkBrands(tx: Tx, mentions: MentionInput[], claimed: Awaited<ReturnType<typeof claimKeys>>,
  brandIds: Map<string, number>): Promise<number> {
  const pairs: Array<[brand: number, mention: number]> = [];
  const primary = new Map<number, number>();
  for (const m of mentions) {
    const id = Number(claimed.keys.get(`${clean(m.source)}\u0000${clean(m.id)}`)!.id);
    linkedBrands(m).forEach((name, i) => {
      const brand = brandIds.get(name)!;
      if (i === 0) primary.set(id, brand);
      pairs.push([brand, id]);
    });
  }
  pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const added = await tx<Array<{ brand_id: number; mention_id: number }>>`
    INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
    SELECT v.brand_id, k.id, floor(extract(epoch FROM k.created_at) / 3600)::integer, a.voice, a.cluster, a.sentiment, a.complaint,
      COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + GREATEST(COALESCE(m.score, 0), 0)
    FROM unnest(${pairs.map((p) => p[0])}::bigint[], ${pairs.map((p) => p[1])}::bigint[]) WITH ORDINALITY AS v(brand_id, mention_id, n)
    JOIN mention_keys k ON k.id = v.mention_id
    JOIN mentions m ON m.id = k.id AND m.created_at = k.created_at
    LEFT JOIN analyses a ON a.mention_id = k.id
    ORDER BY v.n
    ON CONFLICT (brand_id, mention_id) DO NOTHING RETURNING brand_id, mention_id`;
  let newToBrand = 0;
  const relinked = new Set<number>();
  for (const row of added) {
    const mention = Number(row.mention_id);
    if (primary.get(mention) === Number(row.brand_id)) newToBrand++;
    if (!claimed.createdIds.has(mention)) relinked.add(mention);
  }
  if (relinked.size > 0) {
    await tx`UPDATE analyses SET model_version = 'relinked' WHERE mention_id = ANY(${[...relinked]}::bigint[])`;
  }
  return newToBrand;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
