/** Loose readers for cgi-bin JSON bodies: WeCom validates by hand, so do we. */
export type Body = Record<string, unknown>;

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

export function strList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return undefined;
  return v.map((x) => String(x));
}

export function bool(v: unknown, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  return v === true || v === 1 || v === '1' || v === 'true';
}

export function obj(v: unknown): Body | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : undefined;
}
