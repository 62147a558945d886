import { computeRoster, RosterInput } from './roster';

const at = { date: '2026-12-01', weekday: 2, minutes: 10 * 60 };
const member = (userId: string, weight = 1, dailyLimit: number | null = null) => ({ userId, weight, dailyLimit });
const base: RosterInput = { strategy: 'random', members: [member('a'), member('b'), member('c')], dailyLimit: null, backupUserIds: ['z'], schedule: null };

describe('computeRoster', () => {
  it('random lists every eligible member', () => {
    expect(computeRoster(base, at, new Map()).userIds).toEqual(['a', 'b', 'c']);
  });

  it('round_robin lists the member with the fewest adds today, ties in pool order', () => {
    const rr = { ...base, strategy: 'round_robin' as const };
    expect(computeRoster(rr, at, new Map()).userIds).toEqual(['a']);
    expect(computeRoster(rr, at, new Map([['a', 1]])).userIds).toEqual(['b']);
    expect(computeRoster(rr, at, new Map([['a', 1], ['b', 1]])).userIds).toEqual(['c']);
  });

  it('weighted follows the weights', () => {
    const w = { ...base, strategy: 'weighted' as const, members: [member('a', 3), member('b', 1)] };
    const adds = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const [u] = computeRoster(w, at, adds).userIds;
      adds.set(u, (adds.get(u) ?? 0) + 1);
    }
    expect([adds.get('a'), adds.get('b')]).toEqual([30, 10]);
  });

  it('drops members at their limit and falls back to backups, never empty', () => {
    const limited = { ...base, dailyLimit: 2, members: [member('a'), member('b', 1, 5)] };
    expect(computeRoster(limited, at, new Map([['a', 2]])).userIds).toEqual(['b']);
    expect(computeRoster(limited, at, new Map([['a', 2], ['b', 5]]))).toEqual({ userIds: ['z'], source: 'backup' });
    expect(computeRoster({ ...limited, backupUserIds: [] }, at, new Map([['a', 2], ['b', 5]])).source).toBe('fallback');
  });

  it('follows weekly slots, per-slot members and dated exceptions', () => {
    const schedule = {
      weekly: [
        { weekdays: [2], start: '09:00', end: '12:00', userIds: ['a'] },
        { weekdays: [2], start: '12:00', end: '18:00', userIds: [] },
      ],
      exceptions: [{ date: '2026-12-02', slots: [] }],
    };
    const s = { ...base, schedule };
    expect(computeRoster(s, at, new Map()).userIds).toEqual(['a']);
    expect(computeRoster(s, { ...at, minutes: 13 * 60 }, new Map()).userIds).toEqual(['a', 'b', 'c']);
    expect(computeRoster(s, { ...at, minutes: 19 * 60 }, new Map()).source).toBe('backup');
    expect(computeRoster(s, { date: '2026-12-02', weekday: 2, minutes: 10 * 60 }, new Map()).source).toBe('backup');
  });
});
