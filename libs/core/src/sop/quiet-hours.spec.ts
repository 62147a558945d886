import { isQuiet, outsideQuiet } from './quiet-hours';

const tenant = { quietStart: '21:00', quietEnd: '08:00', timezone: 'Asia/Shanghai' };

describe('quiet hours', () => {
  it('spans midnight in the tenant zone', () => {
    expect(isQuiet(tenant, new Date('2026-12-01T13:30:00Z'))).toBe(true); // 21:30 local
    expect(isQuiet(tenant, new Date('2026-12-01T23:59:00Z'))).toBe(true); // 07:59 local
    expect(isQuiet(tenant, new Date('2026-12-02T00:00:00Z'))).toBe(false); // 08:00 local
    expect(isQuiet({ ...tenant, quietStart: null, quietEnd: null }, new Date('2026-12-01T13:30:00Z'))).toBe(false);
  });

  it('moves a due time inside the window to its end', () => {
    expect(outsideQuiet(tenant, new Date('2026-12-01T13:30:00Z'))).toEqual(new Date('2026-12-02T00:00:00Z'));
    expect(outsideQuiet(tenant, new Date('2026-12-01T22:00:00Z'))).toEqual(new Date('2026-12-02T00:00:00Z'));
    expect(outsideQuiet(tenant, new Date('2026-12-01T05:00:00Z'))).toEqual(new Date('2026-12-01T05:00:00Z'));
  });
});
