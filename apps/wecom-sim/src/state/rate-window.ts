/**
 * A fixed window counter: the window opens at the first hit and lasts windowMs.
 * Once the limit is reached every further hit in that window is refused, as WeCom blocks
 * "for the rest of the window" (60 s for per-minute limits, 1 h for per-hour ones).
 * Refused hits are not counted: they did not happen (a dropped app message was never delivered).
 */
export class RateWindow {
  private startedAt = -Infinity;
  private count = 0;

  constructor(private readonly windowMs: number) {}

  allows(nowMs: number, limit: number): boolean {
    if (nowMs - this.startedAt >= this.windowMs || nowMs < this.startedAt) {
      this.startedAt = nowMs;
      this.count = 0;
    }
    return this.count < limit;
  }

  take(): void {
    this.count += 1;
  }

  /** Counts one hit if it is within the limit; true when it was. */
  hit(nowMs: number, limit: number): boolean {
    if (!this.allows(nowMs, limit)) return false;
    this.take();
    return true;
  }
}

/** A minute and an hour window side by side; a hit must pass both and then counts in both. */
export class MinuteHourWindow {
  private readonly minute = new RateWindow(60_000);
  private readonly hour = new RateWindow(3_600_000);

  hit(nowMs: number, perMinute: number, perHour: number): boolean {
    const okMinute = this.minute.allows(nowMs, perMinute);
    const okHour = this.hour.allows(nowMs, perHour);
    if (!okMinute || !okHour) return false;
    this.minute.take();
    this.hour.take();
    return true;
  }
}
