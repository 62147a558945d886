import { RawEvent } from './event-types';

/** A non-empty text field, or undefined. CDATA and bare text both arrive as strings. */
export function text(raw: RawEvent, key: string): string | undefined {
  const v = raw[key];
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A bare integer field (CreateTime, JoinScene, ...), converted deliberately. */
export function int(raw: RawEvent, key: string): number | undefined {
  const t = text(raw, key);
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
}

/** <MemChangeList><Item>a</Item><Item>b</Item></MemChangeList> with one, many or no Items. */
export function items(raw: RawEvent, key: string): string[] {
  const list = raw[key];
  if (!list || typeof list !== 'object') return [];
  const item = (list as Record<string, unknown>).Item;
  const arr = Array.isArray(item) ? item : item === undefined ? [] : [item];
  return arr.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}
