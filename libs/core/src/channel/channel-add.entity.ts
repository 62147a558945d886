import { TenantEntity } from '@scrm/platform';
import { Column, Entity, Index } from 'typeorm';

/**
 * One add through a channel, and when (and by whom) it ended. The source of daily counts, stats and
 * retention. Unique per add, so a replayed event counts once.
 */
@Entity('channel_adds')
@Index('uq_channel_adds_add', ['tenantId', 'userId', 'externalUserId', 'addedAt'], { unique: true })
@Index('ix_channel_adds_channel_day', ['tenantId', 'channelId', 'day'])
@Index('ix_channel_adds_channel_removed_day', ['tenantId', 'channelId', 'removedDay'])
export class ChannelAdd extends TenantEntity {
  @Column('uuid')
  channelId: string;

  @Column({ length: 64 })
  userId: string;

  @Column({ length: 64 })
  externalUserId: string;

  @Column({ type: 'timestamptz' })
  addedAt: Date;

  /** The add's date on the tenant's wall clock. */
  @Column({ type: 'date' })
  day: string;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  removedDay: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  removedBy: 'member' | 'customer' | null;
}
