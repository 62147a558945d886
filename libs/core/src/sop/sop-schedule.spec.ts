import { cronProblem, nextFiring, stepDueAt } from './sop-schedule';
import { SopStep } from './sop.types';

const step = (offset: SopStep['offset']): SopStep => ({ offset, delivery: 'mass_send', text: 'x', attachments: [] });
const ZONE = 'Asia/Shanghai';

describe('sop schedule', () => {
  it('adds the offset to the anchor', () => {
    expect(stepDueAt(new Date('2026-12-01T02:00:00Z'), step({ amount: 1, unit: 'hours' }), ZONE)).toEqual(new Date('2026-12-01T03:00:00Z'));
    expect(stepDueAt(new Date('2026-12-01T02:00:00Z'), step({ amount: 2, unit: 'days' }), ZONE)).toEqual(new Date('2026-12-03T02:00:00Z'));
  });

  it('"at 10:00 local" lands on that time of the day reached, or the next day when passed', () => {
    // 2026-12-01 09:00 Shanghai + 1 day = 12-02 09:00 → 12-02 10:00 local = 02:00Z
    expect(stepDueAt(new Date('2026-12-01T01:00:00Z'), step({ amount: 1, unit: 'days', at: '10:00' }), ZONE)).toEqual(new Date('2026-12-02T02:00:00Z'));
    // 11:00 local + 0 → 10:00 passed → next day 10:00
    expect(stepDueAt(new Date('2026-12-01T03:00:00Z'), step({ amount: 0, unit: 'minutes', at: '10:00' }), ZONE)).toEqual(new Date('2026-12-02T02:00:00Z'));
  });

  it('weekly fires on the given ISO weekday at local time', () => {
    // Tuesday 2026-12-01 → next Monday 2026-12-07 09:00 Shanghai = 01:00Z
    expect(nextFiring({ type: 'weekly', weekdays: [1], time: '09:00' }, new Date('2026-12-01T00:00:00Z'), ZONE)).toEqual(new Date('2026-12-07T01:00:00Z'));
    // Sunday is 7 in ISO
    expect(nextFiring({ type: 'weekly', weekdays: [7], time: '09:00' }, new Date('2026-12-01T00:00:00Z'), ZONE)).toEqual(new Date('2026-12-06T01:00:00Z'));
  });

  it('once fires only in the future', () => {
    expect(nextFiring({ type: 'once', at: '2026-12-01T00:00:00Z' }, new Date('2026-12-02T00:00:00Z'), ZONE)).toBeNull();
  });

  it('names crons that never fire or do not parse', () => {
    expect(cronProblem('0 0 31 2 *', ZONE, new Date())).toMatch(/never fires/);
    expect(cronProblem('nonsense', ZONE, new Date())).toMatch(/5 fields/);
    expect(cronProblem('61 * * * *', ZONE, new Date())).not.toBeNull();
    expect(cronProblem('0 9 * * 1', ZONE, new Date())).toBeNull();
  });
});
