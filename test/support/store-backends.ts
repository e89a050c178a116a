import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Socket } from 'node:net';
import postgres from 'postgres';
import { afterEach, beforeEach } from 'vitest';
import { openPostgresStore, PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import type { StoreClock } from '../../src/store/clock.js';

/**
 * The store backends a test file runs against: SQLite always; PostgreSQL when
 * EARSHOT_TEST_PG_URL is set, or when a server answers on 127.0.0.1:55432 (where
 * `bash .ci/postgres.sh start` puts one). Without one, the PostgreSQL variants skip
 * and say so once. Each PostgreSQL store lives in a fresh schema, dropped after the test.
 */
export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  /** False when no server is reachable: use with describe.skipIf(!backend.available). */
  available: boolean;
  /** A new, empty, migrated store; `clock` stamps what it writes (the wall clock if not given). */
  open(options?: { clock?: StoreClock }): Promise<Store>;
  /** Two connections to one new store (a file for SQLite), as two machines or processes would have. */
  openPair(): Promise<[Store, Store]>;
  /** The URL or path for another connection (or process) to the same store, e.g. a concurrent scanner. */
  locationOf(store: Store): string;
  /** Runs one read-only SQL statement (no parameters) written to work on both dialects. */
  query<T = Record<string, unknown>>(store: Store, text: string): Promise<T[]>;
  /** Closes every store this backend opened and drops their schemas. */
  cleanup(): Promise<void>;
}

export const LOCAL_PG_URL = 'postgres://postgres@127.0.0.1:55432/earshot_test';

let probed: Promise<string | null> | undefined;
let warned = false;

/** The PostgreSQL URL tests may use, or null (with one console warning) when none answers. */
export function testPostgresUrl(): Promise<string | null> {
  probed ??= (async () => {
    const url = process.env.EARSHOT_TEST_PG_URL ?? ((await portOpen('127.0.0.1', 55432)) ? LOCAL_PG_URL : null);
    if (url && await answers(url)) return url;
    if (!warned) {
      warned = true;
      console.warn(`PostgreSQL store tests SKIPPED: no server at ${url ?? 'EARSHOT_TEST_PG_URL or 127.0.0.1:55432'}`
        + ' (start one with `bash .ci/postgres.sh start`; CI always runs them)');
    }
    if (process.env.CI && process.env.EARSHOT_TEST_PG_URL) throw new Error(`EARSHOT_TEST_PG_URL is set but ${url} does not answer`);
    return null;
  })();
  return probed;
}

export async function storeBackends(): Promise<StoreBackend[]> {
  return [sqliteBackend(), postgresBackend(await testPostgresUrl())];
}

function sqliteBackend(): StoreBackend {
  const opened: SqliteStore[] = [];
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    available: true,
    async open(options = {}) {
      const store = new SqliteStore(':memory:', undefined, options.clock);
      opened.push(store);
      return store;
    },
    async openPair() {
      const tmp = mkdtempSync(join(tmpdir(), 'earshot-store-'));
      dirs.push(tmp);
      const pair: [SqliteStore, SqliteStore] = [new SqliteStore(join(tmp, 'pair.db')), new SqliteStore(join(tmp, 'pair.db'))];
      opened.push(...pair);
      return pair;
    },
    locationOf: (store) => store.location,
    async query<T>(store: Store, text: string) {
      const stmt = (store as SqliteStore).db.prepare(text);
      if (stmt.reader) return stmt.all() as T[];
      stmt.run();
      return [];
    },
    async cleanup() {
      for (const store of opened.splice(0)) await store.close();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(url: string | null): StoreBackend {
  const opened: Array<{ store: PostgresStore; url: string; schema: string }> = [];
  return {
    name: 'postgres',
    available: url !== null,
    async open(options = {}) {
      if (!url) throw new Error('no PostgreSQL server for tests');
      const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
      const schemaUrl = withSchema(url, schema);
      const store = await openPostgresStore(schemaUrl, options);
      opened.push({ store, url: schemaUrl, schema });
      return store;
    },
    async openPair() {
      const first = await this.open();
      const url = this.locationOf(first);
      const second = await openPostgresStore(url);
      opened.push({ store: second, url, schema: opened.find((o) => o.store === first)!.schema });
      return [first, second];
    },
    locationOf(store) {
      const entry = opened.find((o) => o.store === store);
      if (!entry) throw new Error('not a store this backend opened');
      return entry.url;
    },
    async query<T>(store: Store, text: string) {
      return [...await (store as PostgresStore).sql.unsafe(text)] as T[];
    },
    async cleanup() {
      const done = opened.splice(0);
      for (const { store } of done) await store.close();
      if (!url || done.length === 0) return;
      const admin = postgres(url, { max: 1, onnotice: () => undefined });
      try {
        for (const schema of new Set(done.map((d) => d.schema))) await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}

/** Opens a fresh store before each test and cleans up after it; read the store through the getter. */
export function useStore(backend: StoreBackend): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    if (backend.available) store = await backend.open();
  });
  afterEach(async () => {
    store = undefined;
    await backend.cleanup();
  });
  return () => {
    if (!store) throw new Error('store not open');
    return store;
  };
}

export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => undefined });
  try {
    await sql`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}
