import type { Sql } from '../postgres/connect.js';
import type { Dialect } from './dialect.js';

type Params = Parameters<Sql['unsafe']>[1];

/** The PostgreSQL dialect: statements go through postgres.js as written (it speaks `$1` natively). */
export function pgDialect(sql: Sql): Dialect {
  const all = async <T>(text: string, params: readonly unknown[] = []) => [...await sql.unsafe(text, params as Params)] as T[];
  return {
    name: 'postgres',
    all,
    get: async <T>(text: string, params: readonly unknown[] = []) => (await all<T>(text, params))[0],
    run: async (text, params = []) => (await sql.unsafe(text, params as Params)).count,
    runEach: async (text, rows) => {
      if (rows.length === 0) return 0;
      return sql.begin(async (tx) => {
        let changed = 0;
        for (const row of rows) changed += (await tx.unsafe(text, row as Params)).count;
        return changed;
      }) as Promise<number>;
    },
    runInOrder: async (statements) => sql.begin(async (tx) => {
      const changed: number[] = [];
      for (const [text, params] of statements) changed.push((await tx.unsafe(text, params as Params)).count);
      return changed;
    }) as Promise<number[]>,
    now: () => 'now()',
    binary: (expr) => `${expr} COLLATE "C"`,
    foldName: (expr) => `lower(${expr})`,
    time: (param) => `${param}::timestamptz`,
    inList: (expr, param) => `${expr} = ANY(${param})`,
    list: (values) => [...values],
  };
}
