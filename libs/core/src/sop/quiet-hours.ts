import { DateTime } from 'luxon';
import { inSlot, localMoment, parseHhmm } from '../clock/local-time';
import type { Tenant } from '../tenant/tenant.entity';

export type QuietHours = Pick<Tenant, 'quietStart' | 'quietEnd' | 'timezone'>;

export function isQuiet(tenant: QuietHours, at: Date): boolean {
  if (!tenant.quietStart || !tenant.quietEnd) return false;
  return inSlot(localMoment(at, tenant.timezone).minutes, tenant.quietStart, tenant.quietEnd);
}

/** When something due at `at` actually goes out: at once, or when the quiet window it falls in ends. */
export function outsideQuiet(tenant: QuietHours, at: Date): Date {
  if (!isQuiet(tenant, at)) return at;
  const end = parseHhmm(tenant.quietEnd!);
  let local = DateTime.fromJSDate(at, { zone: tenant.timezone }).set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  if (local.toMillis() <= at.getTime()) local = local.plus({ days: 1 });
  return local.toJSDate();
}
