import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate, openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../support/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migrations', () => {
  it('upgrades a database made by an older migration set and keeps its data', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z')").run();
    old.prepare(`INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES ('x', '42', 1, '2026-01-02T00:00:00.000Z', 'old mention about plastic', 'a', 'a')`).run();
    expect(() => old.prepare('SELECT * FROM analyses').all()).toThrow(/no such table/);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(await store.searchMentions({ text: 'plastic', limit: 5 })).toHaveLength(1);
    expect(await store.countPendingAnalysis('m1')).toBe(1);
    const applied = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    await store.close();
  });

  it('is a no-op on an up-to-date database and refuses a newer one', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(join(tmp.dir, 'a.db'));
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    expect(() => migrate(db)).toThrow(/newer than this earshot understands/);
    db.close();
  });

  it('uses WAL, foreign keys and a busy timeout on files', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(join(tmp.dir, 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    db.close();
  });
});
