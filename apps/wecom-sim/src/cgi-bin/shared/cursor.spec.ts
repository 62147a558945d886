import { decodeCursor, encodeCursor, page } from './cursor';

describe('cursor paging', () => {
  it('round-trips offsets and ignores junk', () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(decodeCursor('junk')).toBe(0);
    expect(decodeCursor(undefined)).toBe(0);
  });

  it('walks all items page by page', () => {
    const items = [1, 2, 3, 4, 5];
    const p1 = page(items, '', 2);
    const p2 = page(items, p1.next_cursor, 2);
    const p3 = page(items, p2.next_cursor, 2);
    expect([p1.items, p2.items, p3.items]).toEqual([[1, 2], [3, 4], [5]]);
    expect(p3.next_cursor).toBe('');
  });
});
