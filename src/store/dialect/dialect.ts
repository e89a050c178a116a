/**
 * What a query written once needs from a backend: running a statement, and the few
 * places where the two SQL dialects differ. Queries use `$1`, `$2`… placeholders and quote
 * camelCase aliases (`AS "sentAt"`); both drivers return ISO-string times and plain
 * numbers (src/store/postgres/connect.ts parses PostgreSQL's bigint and timestamptz so).
 * Full-text search, partitions, locks, triggers and rollups stay per backend: see
 * docs/architecture.md, "The store seam".
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The rows of one statement. */
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row of one statement, if any. */
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs one statement; how many rows it inserted, changed or deleted. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /** Runs one statement once per parameter row, in one transaction; how many rows changed in all. */
  runEach(text: string, rows: ReadonlyArray<readonly unknown[]>): Promise<number>;
  /** Runs statements in order in one transaction (no reads between them); how many rows each changed. */
  runInOrder(statements: ReadonlyArray<readonly [string, readonly unknown[]]>): Promise<number[]>;
  /** The current time as the server stamps a row (SQLite: ISO text with milliseconds, as JS writes it). */
  now(): string;
  /** Text ordered by its bytes (PostgreSQL: COLLATE "C"; SQLite's default BINARY). */
  binary(expr: string): string;
  /**
   * A brand name as written into a log table (alerts, issue states, digests), folded as
   * this backend has always compared and indexed them: SQLite's columns are NOCASE (ASCII
   * letters: the expression as it is), PostgreSQL's indexes are on lower() (the database's
   * locale). The brands table compares by brand key on both (migration 21).
   */
  foldName(expr: string): string;
  /** A placeholder holding a time where the server cannot infer the type from the column (PostgreSQL: a cast). */
  time(param: string): string;
  /** A condition: `expr` is one of the values of the list `param` holds (pass the list through `list`). */
  inList(expr: string, param: string): string;
  /** The parameter value of a list for `inList`: an array for PostgreSQL, JSON text for SQLite's json_each. */
  list(values: readonly (string | number)[]): unknown;
}
