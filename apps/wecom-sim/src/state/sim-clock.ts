import { Injectable } from '@nestjs/common';

/** Time as the simulator sees it: real time plus an offset, so tests can expire codes and tokens without sleeping. */
@Injectable()
export class SimClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Jump to an absolute time; the clock keeps running from there. */
  setNow(nowMs: number): void {
    this.offsetMs = nowMs - Date.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}
