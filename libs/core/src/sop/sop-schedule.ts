import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { parseHhmm } from '../clock/local-time';
import { SopStep, SopTrigger } from './sop.types';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * When a step comes due for a target anchored at `anchor` (enrolment or firing). With `at`, the step lands on that
 * local time of the day the offset reaches, or the next day when that time has already passed.
 */
export function stepDueAt(anchor: Date, step: SopStep, timeZone: string): Date {
  const { amount, unit, at } = step.offset;
  const reached = new Date(anchor.getTime() + amount * UNIT_MS[unit]);
  if (!at) return reached;
  const minutes = parseHhmm(at);
  let local = DateTime.fromJSDate(reached, { zone: timeZone }).set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
  if (local.toMillis() < reached.getTime()) local = local.plus({ days: 1 });
  return local.toJSDate();
}

/** The cron expression (minute hour dom month dow, tenant local) of a recurring trigger; null for event and once triggers. */
export function cronOf(trigger: SopTrigger): string | null {
  const hm = (time: string) => {
    const m = parseHhmm(time);
    return `${m % 60} ${Math.floor(m / 60)}`;
  };
  switch (trigger.type) {
    case 'daily':
      return `${hm(trigger.time)} * * *`;
    // cron weekdays are 0 = Sunday; ours are ISO (7 = Sunday)
    case 'weekly':
      return `${hm(trigger.time)} * * ${[...new Set(trigger.weekdays.map((d) => d % 7))].sort().join(',')}`;
    case 'monthly':
      return `${hm(trigger.time)} ${[...new Set(trigger.days)].sort((a, b) => a - b).join(',')} * *`;
    case 'cron':
      return trigger.expression;
    default:
      return null;
  }
}

/** The first firing strictly after `after`, or null when the trigger never fires again. Throws on an invalid cron. */
export function nextFiring(trigger: SopTrigger, after: Date, timeZone: string): Date | null {
  if (trigger.type === 'once') {
    const at = new Date(trigger.at);
    return at.getTime() > after.getTime() ? at : null;
  }
  const cron = cronOf(trigger);
  if (cron === null) return null;
  const expr = CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone });
  return expr.hasNext() ? expr.next().toDate() : null;
}

/** Why a cron expression is unusable (does not parse, has seconds, or never fires), or null when it is fine. */
export function cronProblem(expression: string, timeZone: string, now: Date): string | null {
  if (expression.trim().split(/\s+/).length !== 5) return 'must have 5 fields: minute hour day-of-month month day-of-week';
  try {
    const expr = CronExpressionParser.parse(expression, { currentDate: now, tz: timeZone });
    if (!expr.hasNext()) return 'never fires';
    expr.next();
    return null;
  } catch (e) {
    return /day of month|never/i.test((e as Error).message) ? `never fires (${(e as Error).message})` : (e as Error).message;
  }
}
