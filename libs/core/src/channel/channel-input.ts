import { AssignmentStrategy, ChannelMember, ChannelSchedule } from './channel.types';

/** What an admin defines for a channel (the DTO, already validated for shape). */
export interface ChannelInput {
  name: string;
  category?: string | null;
  state?: string;
  strategy: AssignmentStrategy;
  members: { userId: string; weight?: number; dailyLimit?: number | null }[];
  dailyLimit?: number | null;
  backupUserIds?: string[];
  schedule?: ChannelSchedule | null;
  skipVerify?: boolean;
  tagIds?: string[];
  remark?: string | null;
}

export function normaliseMembers(members: ChannelInput['members']): ChannelMember[] {
  return members.map((m) => ({ userId: m.userId, weight: m.weight ?? 1, dailyLimit: m.dailyLimit ?? null }));
}
