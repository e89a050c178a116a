import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import { createBrandLinker } from './brand-links.js';
import type { Decoder } from '../ingest/decoded.js';
import { decodeCanonical } from '../ingest/open-import.js';
import type { RawRecord } from '../ingest/readers.js';
import type { Store, UpsertOutcome } from '../store/store.js';

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

/** Validates and stores records in batches, one transaction each; bad rows are reported, not fatal. */
export async function importMentions(
  store: Store,
  records: AsyncIterable<RawRecord>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const keep = options.keepRejections ?? 1000;
  const decode = options.decode ?? decodeCanonical;
  const summary: ImportSummary = { read: 0, inserted: 0, updated: 0, rejected: 0, rejections: [] };
  let batch: MentionInput[] = [];
  const link = createBrandLinker(options.watched ?? []);
  const flush = async () => {
    if (batch.length === 0) return;
    const outcome = await store.upsertMentions(batch);
    summary.inserted += outcome.inserted;
    summary.updated += outcome.updated;
    batch = [];
    options.onProgress?.(summary);
    await options.afterBatch?.(outcome);
  };
  const reject = (line: number, reason: string) => {
    summary.rejected++;
    if (summary.rejections.length < keep) summary.rejections.push({ line, reason });
  };
  for await (const item of records) {
    summary.read++;
    if ('error' in item) {
      reject(item.line, item.error);
      continue;
    }
    const decoded = decode(item.record, options.defaultBrand);
    for (const reason of decoded.errors) reject(item.line, reason);
    batch.push(...decoded.mentions.map((mention) => link(mention)));
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return summary;
}
