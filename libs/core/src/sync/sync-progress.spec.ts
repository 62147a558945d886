import { syncPercent } from './sync-progress';

describe('syncPercent', () => {
  it('grows through the phases and reaches 100 only when done', () => {
    expect(syncPercent('staff', 0)).toBe(0);
    expect(syncPercent('tags', 0)).toBe(5);
    expect(syncPercent('customers', 0.5)).toBe(45);
    expect(syncPercent('group_chats', 1)).toBe(99);
    expect(syncPercent('done', 0)).toBe(100);
  });
});
