/** WeCom times are integer seconds; 0 or absent means WeCom did not say. */
export function wecomTime(seconds: number | undefined | null): Date | null {
  return seconds ? new Date(seconds * 1000) : null;
}
