import { Injectable } from '@nestjs/common';

/** How long no first step must have run before follow-ups start: Bull fetching the next job leaves a brief gap. */
const QUIET_MS = 25;

/**
 * Counts the inbox first steps (process-inbox-event) running in this process, so follow-ups (an add's bookkeeping)
 * start only in a quiet moment: under a burst of adds every welcome goes out before the bookkeeping of earlier adds,
 * which catches up once the burst is served. Per process, because what the two compete for is this process's CPU.
 */
@Injectable()
export class FirstStepsInFlight {
  private running = 0;
  private waiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0 && this.waiters.length > 0) this.wakeWhenQuiet();
    }
  }

  /** Resolves once no first step has been running for QUIET_MS. */
  quiet(): Promise<void> {
    if (this.running === 0 && this.timer === null) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeWhenQuiet(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running > 0) return; // a first step started meanwhile: its end schedules the next check
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((wake) => wake());
    }, QUIET_MS);
  }
}
