export interface GroupCommitOptions {
  /** Most items one write takes; the rest wait for the next. */
  maxBatch: number;
  /** Writes allowed in flight at once. */
  maxInFlight: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: items submitted while a write is in flight are written together by the next one. One statement
 * (one round trip, one commit) then carries many items, so under load the cost per item drops, and an item never
 * waits on a timer: when no write is in flight it is written at once, as it would be on its own.
 *
 * `write` gets the items in submission order and answers one result per item, in the same order. If it fails, every
 * item of that write fails with its error: nothing of a failed batch is reported as written.
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    try {
      const results = await this.write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (err) {
      batch.forEach((w) => w.reject(err));
    }
  }
}
