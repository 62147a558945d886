import { TenantEntity } from '@scrm/platform';
import { Column, Entity } from 'typeorm';

export type WelcomeMediaType = 'image' | 'video' | 'file';

/**
 * A file a welcome attaches. WeCom's media_id dies 3 days after upload, so we keep the bytes and
 * re-upload ahead of expiry (RefreshWelcomeMedia); the welcome path only reads mediaId.
 */
@Entity('welcome_media')
export class WelcomeMedia extends TenantEntity {
  @Column({ type: 'varchar', length: 8 })
  type: WelcomeMediaType;

  @Column({ length: 128 })
  filename: string;

  @Column({ length: 128 })
  contentType: string;

  @Column({ type: 'bytea', select: false })
  data: Buffer;

  @Column({ type: 'varchar', length: 256, nullable: true })
  mediaId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  uploadedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
