import { TenantEntity } from '@scrm/platform';
import { Column, Entity, Index } from 'typeorm';
import { WelcomeAttachment, WelcomeVariant, WelcomeWindow } from './welcome.types';

/**
 * A welcome rule. Its scope is given by which of channelId / userId are set: both, channel only,
 * member only, or neither (the tenant default). See README.md for precedence.
 */
@Entity('welcome_rules')
@Index('ix_welcome_rules_tenant_channel', ['tenantId', 'channelId'])
export class WelcomeRule extends TenantEntity {
  @Column({ length: 64 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  channelId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  userId: string | null;

  /** Empty = at any time. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  windows: WelcomeWindow[];

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  attachments: WelcomeAttachment[];

  /** Empty = send text + attachments above; otherwise one variant is picked by weight. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  variants: WelcomeVariant[];

  @Column({ default: true })
  enabled: boolean;
}
