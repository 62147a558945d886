import { chinaMonth, quotaLeft } from './monthly-quota';

describe('monthly quota', () => {
  it('uses the Beijing calendar month', () => {
    // 2024-02-29 20:00 UTC is already 1 March in Beijing.
    const m = chinaMonth(Date.UTC(2024, 1, 29, 20));
    expect(m.days).toBe(31);
    expect(m.start).toBe(Date.UTC(2024, 1, 29, 16));
  });

  it('counts only this month, against the days of the month by default', () => {
    const now = Date.UTC(2024, 1, 10);
    const lastMonth = Date.UTC(2024, 0, 20);
    expect(quotaLeft([lastMonth, now - 1000], now, null)).toBe(28);
    expect(quotaLeft([now - 1000], now, 1)).toBe(0);
  });
});
