/**
 * Tells an analysis that follows an import when more rows are stored and when the
 * import is over, so scoring can run on the workers while the main thread still
 * parses and inserts (both cores busy instead of one, then the other).
 */
export class BacklogFeed {
  private waiters: Array<() => void> = [];
  private finished = false;

  get done(): boolean {
    return this.finished;
  }

  /** A batch was stored. */
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** No more rows will come. */
  finish(): void {
    this.finished = true;
    this.notify();
  }

  /** Resolves at the next stored batch, or at once when finished. */
  next(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
