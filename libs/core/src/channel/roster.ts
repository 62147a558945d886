import { inSlot, LocalMoment } from '../clock/local-time';
import { AssignmentStrategy, ChannelMember, ChannelSchedule, ScheduleSlot } from './channel.types';

export interface RosterInput {
  strategy: AssignmentStrategy;
  members: ChannelMember[];
  dailyLimit: number | null;
  backupUserIds: string[];
  schedule: ChannelSchedule | null;
}

export interface Roster {
  userIds: string[];
  /** Why this list: 'pool' (eligible members), 'backup' (none eligible), 'fallback' (no backups either). */
  source: 'pool' | 'backup' | 'fallback';
}

/**
 * The member list the contact way should carry at `at`, given today's adds per member. Pure, so the same
 * inputs always give the same list (the sync job can run twice, or in another worker, harmlessly).
 */
export function computeRoster(input: RosterInput, at: LocalMoment, addsToday: ReadonlyMap<string, number>): Roster {
  const eligible = input.members.filter(
    (m) => onDuty(input.schedule, m.userId, at) && underLimit(m, input.dailyLimit, addsToday.get(m.userId) ?? 0),
  );
  if (eligible.length > 0) return { userIds: pick(input.strategy, eligible, addsToday), source: 'pool' };
  // Never empty: WeCom refuses a multi-member way without members, and a QR code must always reach someone.
  if (input.backupUserIds.length > 0) return { userIds: [...input.backupUserIds], source: 'backup' };
  return { userIds: input.members.map((m) => m.userId), source: 'fallback' };
}

function underLimit(member: ChannelMember, channelLimit: number | null, adds: number): boolean {
  const limit = member.dailyLimit ?? channelLimit;
  return limit === null || adds < limit;
}

/** No schedule = always on duty. A dated exception replaces that day's weekly slots. */
export function onDuty(schedule: ChannelSchedule | null, userId: string, at: LocalMoment): boolean {
  if (!schedule || (schedule.weekly.length === 0 && schedule.exceptions.length === 0)) return true;
  const exception = schedule.exceptions.find((e) => e.date === at.date);
  const slots: ScheduleSlot[] = exception ? exception.slots : schedule.weekly.filter((s) => s.weekdays.includes(at.weekday));
  return slots.some((s) => inSlot(at.minutes, s.start, s.end) && (s.userIds.length === 0 || s.userIds.includes(userId)));
}

/**
 * WeCom picks at random among the listed members, so `random` lists them all, and the rotating strategies
 * list exactly one: the member who is furthest behind their share today (fewest adds, or fewest adds per
 * unit of weight). Ties go to pool order. Counting from today's adds, not a cursor, makes it self-correcting.
 */
function pick(strategy: AssignmentStrategy, eligible: ChannelMember[], addsToday: ReadonlyMap<string, number>): string[] {
  if (strategy === 'random') return eligible.map((m) => m.userId);
  const share = (m: ChannelMember) => {
    const adds = addsToday.get(m.userId) ?? 0;
    return strategy === 'weighted' ? (adds + 1) / Math.max(m.weight, 1) : adds;
  };
  let best = eligible[0];
  for (const m of eligible.slice(1)) if (share(m) < share(best)) best = m;
  return [best.userId];
}
