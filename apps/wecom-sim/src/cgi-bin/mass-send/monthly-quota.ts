/** WeCom runs on China time (UTC+8); "this month" is a Beijing calendar month. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** [start, end) in epoch ms of the Beijing calendar month holding nowMs. */
export function chinaMonth(nowMs: number): { start: number; end: number; days: number } {
  const local = new Date(nowMs + CHINA_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const start = Date.UTC(y, m, 1) - CHINA_OFFSET_MS;
  const end = Date.UTC(y, m + 1, 1) - CHINA_OFFSET_MS;
  return { start, end, days: Math.round((end - start) / 86400_000) };
}

/**
 * Mass messages a customer may still receive this month. The rule changed over time (1/day, now up to the
 * number of days in the month); a corp option overrides, null means the days of the month.
 */
export function quotaLeft(receipts: number[], nowMs: number, quota: number | null): number {
  const month = chinaMonth(nowMs);
  const used = receipts.filter((t) => t >= month.start && t < month.end).length;
  return (quota ?? month.days) - used;
}
