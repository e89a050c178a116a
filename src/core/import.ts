import type { BrandConfig } from '../config/schema.js';
import { dateOutOfRange, type MentionInput } from '../domain/mention.js';
import { printable } from '../errors.js';
import { createBrandLinker } from './brand-links.js';
import type { Decoder } from '../ingest/decoded.js';
import { decodeCanonical } from '../ingest/open-import.js';
import type { RawRecord } from '../ingest/readers.js';
import type { Store, UpsertOutcome } from '../store/store.js';
import { isRowLevelStoreError } from '../store/store-errors.js';

export interface ImportOptions {
  defaultBrand?: string;
  /** The config's brands: a mention naming one is linked to it too. */
  watched?: BrandConfig[];
  batchSize?: number;
  /** Called after each stored batch with the running totals. */
  onProgress?: (summary: ImportSummary) => void;
  /** Called with each batch's outcome; the import waits for it (an analysis following it that is behind). */
  afterBatch?: (outcome: UpsertOutcome) => Promise<void> | void;
  /** How many rejection reasons to keep (all are counted). */
  keepRejections?: number;
  /** Turns a record into mentions: earshot's own format unless another tool's is named. */
  decode?: Decoder;
  /** The command's clock: a mention dated more than a day after it is refused (default: the wall clock). */
  now?: Date;
}

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportSummary {
  read: number;
  inserted: number;
  updated: number;
  rejected: number;
  rejections: Rejection[];
  /** Row ids of inserted or updated mentions are not tracked; analysis picks up pending rows. */
}

/**
 * Validates and stores records in batches, one transaction each; bad rows are reported,
 * not fatal. A batch the store refuses because of one row (a value it cannot hold) is
 * stored row by row, so only that row is rejected; a failure of the store itself (disk,
 * lock, connection) ends the import. When reading fails (a damaged archive), the rows
 * read before it are stored before the error is reported.
 */
export async function importMentions(
  store: Store,
  records: AsyncIterable<RawRecord>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const keep = options.keepRejections ?? 1000;
  const decode = options.decode ?? decodeCanonical;
  const now = options.now ?? new Date();
  const summary: ImportSummary = { read: 0, inserted: 0, updated: 0, rejected: 0, rejections: [] };
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    if (summary.rejections.length < keep) summary.rejections.push({ line, reason });
  };
  const batch = new PendingBatch();
  const link = createBrandLinker(options.watched ?? []);
  let storeFailed = false;
  const flush = async () => {
    if (batch.size === 0) return;
    const { mentions, lines } = batch.take();
    let outcome: UpsertOutcome;
    try {
      outcome = await storeBatch(store, mentions, lines, reject);
    } catch (error) {
      storeFailed = true;
      throw error;
    }
    summary.inserted += outcome.inserted;
    summary.updated += outcome.updated;
    options.onProgress?.(summary);
    await options.afterBatch?.(outcome);
  };
  try {
    for await (const item of records) {
      summary.read++;
      if ('error' in item) {
        reject(item.line, item.error);
        continue;
      }
      const decoded = decodeSafely(decode, item.record, options.defaultBrand);
      for (const reason of decoded.errors) reject(item.line, reason);
      // a loop, not push(...list): a twarc2 page line may hold 200,000 tweets
      for (const mention of decoded.mentions) {
        const outOfRange = dateOutOfRange(mention.createdAt, now);
        if (outOfRange) {
          reject(item.line, outOfRange);
          continue;
        }
        batch.add(link(mention), item.line);
        if (batch.size >= batchSize) await flush();
      }
    }
  } catch (error) {
    // the rows read before a read error (a truncated .zst) are stored, then the error is told
    if (!storeFailed) await flush();
    throw error;
  }
  await flush();
  // a row the store refused is found when its batch is written, after the rows read past it
  summary.rejections.sort((a, b) => a.line - b.line);
  return summary;
}

/** A decoder that throws on a shape nobody foresaw rejects that row, not the import. */
function decodeSafely(decode: Decoder, record: unknown, brand: string | undefined): ReturnType<Decoder> {
  try {
    return decode(record, brand);
  } catch (error) {
    return { mentions: [], errors: [`could not be read (${printable(String((error as Error)?.message ?? error)).slice(0, 160)})`] };
  }
}

class PendingBatch {
  private mentions: MentionInput[] = [];
  private lines: number[] = [];

  get size(): number {
    return this.mentions.length;
  }

  add(mention: MentionInput, line: number): void {
    this.mentions.push(mention);
    this.lines.push(line);
  }

  take(): { mentions: MentionInput[]; lines: number[] } {
    const taken = { mentions: this.mentions, lines: this.lines };
    this.mentions = [];
    this.lines = [];
    return taken;
  }
}

/**
 * One transaction for the batch; when the store refuses it for a row's value, halves of
 * it are tried in turn down to the refused rows, so a bad row among 1,000 costs about
 * 20 transactions rather than 1,000 (on PostgreSQL each is a round trip).
 */
async function storeBatch(store: Store, mentions: MentionInput[], lines: number[],
  reject: (line: number, reason: string) => void): Promise<UpsertOutcome> {
  try {
    return await store.upsertMentions(mentions);
  } catch (error) {
    if (!isRowLevelStoreError(error)) throw error;
    if (mentions.length === 1) {
      reject(lines[0]!, `the store could not hold this row (${printable((error as Error).message).slice(0, 160)}); nothing of it was stored`);
      return { inserted: 0, updated: 0, fresh: [] };
    }
  }
  const half = Math.ceil(mentions.length / 2);
  const first = await storeBatch(store, mentions.slice(0, half), lines.slice(0, half), reject);
  const second = await storeBatch(store, mentions.slice(half), lines.slice(half), reject);
  // fresh rows are listed in row id order: the second half was stored after the first
  const fresh = first.fresh && second.fresh ? first.fresh.concat(second.fresh) : undefined;
  return { inserted: first.inserted + second.inserted, updated: first.updated + second.updated, fresh };
}
