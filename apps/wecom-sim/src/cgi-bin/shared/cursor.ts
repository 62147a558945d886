/** Opaque paging cursors: WeCom's are strings; ours wrap an offset. Anything unreadable starts at 0. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`sim:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: unknown): number {
  if (typeof cursor !== 'string' || cursor === '') return 0;
  const m = /^sim:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : 0;
}

/** One page of items plus the cursor of the next page ('' when there is none). */
export function page<T>(items: T[], cursor: unknown, limit: number): { items: T[]; next_cursor: string } {
  const start = decodeCursor(cursor);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? encodeCursor(start + limit) : '';
  return { items: slice, next_cursor: next };
}
