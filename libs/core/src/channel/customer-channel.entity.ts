import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The first and the latest channel that brought a customer to the company. */
@Entity('customer_channels')
export class CustomerChannel {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn({ length: 64 })
  externalUserId: string;

  @Column('uuid')
  firstChannelId: string;

  @Column({ type: 'timestamptz' })
  firstAt: Date;

  @Column('uuid')
  latestChannelId: string;

  @Column({ type: 'timestamptz' })
  latestAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
