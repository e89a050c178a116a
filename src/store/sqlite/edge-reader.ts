import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from './open.js';

/** One query for a reader thread: SQL with named parameters. */
export interface ReaderQuery {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The thread's code: opens the database read-only on its own connection, runs the
 * queries (each row as an array) and posts the rows, or the error's message. Evaluated
 * from a string, so it needs no compiled file of its own (the tests run the sources).
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = ${BUSY_TIMEOUT_MS}');
  const rows = workerData.queries.map((q) => db.prepare(q.sql).raw().all(q.params));
  parentPort.postMessage({ rows });
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
} finally {
  if (db) db.close();
}`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Runs read queries on a thread of their own, so a report reads on both cores: this
 * thread's better-sqlite3 calls block it, and a second connection in WAL mode reads the
 * same committed data alongside. Resolves with each query's rows, or null when the
 * thread could not read (the caller then runs the queries itself).
 */
export function readOnThread(path: string, queries: ReaderQuery[]): Promise<unknown[][][] | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (rows: unknown[][][] | null) => {
      if (settled) return;
      settled = true;
      resolve(rows);
    };
    let worker: Worker;
    try {
      worker = new Worker(READER, { eval: true, workerData: { driver, path, queries } });
    } catch {
      done(null);
      return;
    }
    worker.once('message', (message: { rows?: unknown[][][]; error?: string }) => {
      done(message.rows ?? null);
      void worker.terminate();
    });
    worker.once('error', () => done(null));
    worker.once('exit', () => done(null));
  });
}
