import { TenantEntity } from '@scrm/platform';
import { Column, Entity, Index } from 'typeorm';
import { AssignmentStrategy, ChannelMember, ChannelSchedule } from './channel.types';

/** 渠道活码: one WeCom contact way (multi-member, QR) plus how we rotate its members. */
@Entity('channels')
@Index('uq_channels_tenant_state', ['tenantId', 'state'], { unique: true })
export class Channel extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  category: string | null;

  /** The contact way's `state` (≤30 chars): how an add is traced back to this channel. Kept after delete. */
  @Column({ length: 30 })
  state: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  configId: string | null;

  @Column({ type: 'text', nullable: true })
  qrCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  strategy: AssignmentStrategy;

  @Column({ type: 'jsonb' })
  members: ChannelMember[];

  /** Per-member adds per local day; null = unlimited. */
  @Column({ type: 'int', nullable: true })
  dailyLimit: number | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  backupUserIds: string[];

  @Column({ type: 'jsonb', nullable: true })
  schedule: ChannelSchedule | null;

  @Column({ default: true })
  skipVerify: boolean;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  tagIds: string[];

  @Column({ type: 'varchar', length: 30, nullable: true })
  remark: string | null;

  @Column({ default: true })
  enabled: boolean;

  /** The member list WeCom has now (what we last pushed). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  listedUserIds: string[];

  /** Deleted in WeCom; the row stays so stats and first/latest channel keep their name. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

/** The channel if it still acts as one (enabled, not deleted): only then do its welcome rules and tags apply. */
export const ifLive = (channel: Channel | null): Channel | null => (channel && channel.enabled && !channel.deletedAt ? channel : null);
