import { MinuteHourWindow, RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('allows up to the limit, then refuses for the rest of the window', () => {
    const w = new RateWindow(60_000);
    expect([1, 2, 3].map((i) => w.hit(1000 + i, 2))).toEqual([true, true, false]);
    expect(w.hit(59_000, 2)).toBe(false);
  });

  it('opens a fresh window once the old one is over', () => {
    const w = new RateWindow(60_000);
    w.hit(0, 1);
    expect(w.hit(10, 1)).toBe(false);
    expect(w.hit(60_000, 1)).toBe(true);
  });

  it('starts over when the clock goes backwards', () => {
    const w = new RateWindow(60_000);
    w.hit(100_000, 1);
    expect(w.hit(50_000, 1)).toBe(true);
  });
});

describe('MinuteHourWindow', () => {
  it('refuses once the hour limit is passed even in a new minute', () => {
    const w = new MinuteHourWindow();
    expect(w.hit(0, 30, 2)).toBe(true);
    expect(w.hit(61_000, 30, 2)).toBe(true);
    expect(w.hit(122_000, 30, 2)).toBe(false);
  });
});

describe('refused hits', () => {
  it('do not count: a refused minute does not use up the hour', () => {
    const w = new MinuteHourWindow();
    expect([0, 1, 2].map((t) => w.hit(t, 2, 3))).toEqual([true, true, false]);
    expect(w.hit(61_000, 2, 3)).toBe(true);
    expect(w.hit(61_001, 2, 3)).toBe(false);
  });
});
