/** `?wait=true` (or 1): answer once the first delivery attempt has an outcome. */
export function waitFlag(v: string | undefined): boolean {
  return v === 'true' || v === '1';
}
