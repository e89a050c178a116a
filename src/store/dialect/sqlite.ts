import type { Statement } from 'better-sqlite3';
import type { Db } from '../sqlite/open.js';
import type { Dialect } from './dialect.js';

/** `$1` placeholders become SQLite's named `@p1` (better-sqlite3 binds numbered ones by count, not number). */
const named = (text: string) => text.replace(/\$(\d+)/g, '@p$1');
const bind = (params: readonly unknown[]) => Object.fromEntries(params.map((value, i) => [`p${i + 1}`, value]));

/** The SQLite dialect: better-sqlite3 runs each statement synchronously; its prepared statements are cached. */
export function sqliteDialect(db: Db): Dialect {
  const statements = new Map<string, Statement<[Record<string, unknown>]>>();
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare<[Record<string, unknown>]>(named(text));
      statements.set(text, statement);
    }
    return statement;
  };
  return {
    name: 'sqlite',
    all: async <T>(text: string, params: readonly unknown[] = []) => prepare(text).all(bind(params)) as T[],
    get: async <T>(text: string, params: readonly unknown[] = []) => prepare(text).get(bind(params)) as T | undefined,
    run: async (text, params = []) => prepare(text).run(bind(params)).changes,
    runEach: async (text, rows) => {
      const statement = prepare(text);
      return db.transaction(() => rows.reduce((changed, row) => changed + statement.run(bind(row)).changes, 0))();
    },
    runInOrder: async (statements) => db.transaction(() => statements.map(([text, params]) => prepare(text).run(bind(params)).changes))(),
    now: () => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
    binary: (expr) => expr,
    foldName: (expr) => expr,
    time: (param) => param,
    inList: (expr, param) => `${expr} IN (SELECT value FROM json_each(${param}))`,
    list: (values) => JSON.stringify(values),
  };
}
