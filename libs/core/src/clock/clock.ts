import { Injectable } from '@nestjs/common';

/**
 * "Now" for schedules, welcome windows and day boundaries. A seam so tests can stand at a chosen
 * moment (a Saturday night, one minute before midnight) without waiting for it.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test seam: from now on, now() answers `at` plus the real time that passes; null goes back to real time. */
  set(at: Date | null): void {
    this.offsetMs = at ? at.getTime() - Date.now() : 0;
  }
}
