/** How the contact way's member list is chosen; see README.md in this folder. */
export type AssignmentStrategy = 'random' | 'round_robin' | 'weighted';
export const ASSIGNMENT_STRATEGIES: AssignmentStrategy[] = ['random', 'round_robin', 'weighted'];

export interface ChannelMember {
  userId: string;
  /** Share of adds under `weighted` (1..100); ignored by the other strategies. */
  weight: number;
  /** Overrides the channel's per-member daily limit; null = the channel's. */
  dailyLimit: number | null;
}

/** A time slot on the tenant's wall clock; `userIds` empty = every pool member is on duty. */
export interface ScheduleSlot {
  start: string;
  end: string;
  userIds: string[];
}

export interface WeeklySlot extends ScheduleSlot {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
}

/** A dated exception replaces that day's weekly slots; no slots = nobody from the pool that day. */
export interface ScheduleException {
  date: string;
  slots: ScheduleSlot[];
}

export interface ChannelSchedule {
  weekly: WeeklySlot[];
  exceptions: ScheduleException[];
}
