/** 45009 blocks for the window that was exceeded: 60 s per-minute (the default), 1 h per-hour (§2). */
export function limitWindowMs(errmsg: string): number {
  return /hour|小时/i.test(errmsg) ? 3_600_000 : 60_000;
}
