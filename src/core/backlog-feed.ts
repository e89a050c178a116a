import type { UpsertOutcome } from '../store/store.js';
import type { AnalysisInput } from '../domain/analysis-record.js';

/** Handed-over rows kept waiting for the analysis before the import waits for it (~16 import batches). */
const MAX_QUEUED = 16_000;

/**
 * Tells an analysis that follows an import when more rows are stored and when the
 * import is over, so scoring can run on the workers while the main thread still
 * parses and inserts (both cores busy instead of one, then the other). A store that
 * returns its newly stored mentions (UpsertOutcome.fresh) hands them over here, and the
 * analysis takes them without reading them back; the import then waits while the
 * analysis is MAX_QUEUED rows behind, so memory stays bounded.
 */
export class BacklogFeed {
  private waiters: Array<() => void> = [];
  private roomWaiters: Array<() => void> = [];
  private finished = false;
  private readonly queue: AnalysisInput[][] = [];
  private queued = 0;
  /** 'hand': outcomes carry their fresh rows; 'read': the analysis reads pending rows; unknown until the first batch. */
  private kind: 'unknown' | 'hand' | 'read' = 'unknown';

  get done(): boolean {
    return this.finished;
  }

  get mode(): 'unknown' | 'hand' | 'read' {
    return this.kind;
  }

  /** A batch was stored; resolves once the analysis has room for more. */
  stored(outcome: Pick<UpsertOutcome, 'fresh'>): Promise<void> {
    if (this.kind === 'unknown') this.kind = outcome.fresh ? 'hand' : 'read';
    if (outcome.fresh?.length) {
      this.queue.push(outcome.fresh);
      this.queued += outcome.fresh.length;
    }
    this.notify();
    if (this.queued < MAX_QUEUED || this.finished) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** The oldest handed-over batch, if any. */
  take(): AnalysisInput[] | undefined {
    const batch = this.queue.shift();
    if (batch) this.queued -= batch.length;
    if (this.queued < MAX_QUEUED) this.wakeImport();
    return batch;
  }

  /** A batch was stored (a scan, or a store that hands nothing over). */
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** No more rows will come. */
  finish(): void {
    this.finished = true;
    this.notify();
    this.wakeImport();
  }

  /** Resolves at the next stored batch, or at once when finished. */
  next(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeImport(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const wake of waiters) wake();
  }
}
