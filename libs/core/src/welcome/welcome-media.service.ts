import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TenantRepository } from '@scrm/platform';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantService } from '../tenant/tenant.service';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { WelcomeMedia, WelcomeMediaType } from './welcome-media.entity';

/** WeCom keeps a media_id 3 days; re-uploading after 2 leaves a day of margin for a failed refresh to retry. */
export const MEDIA_REFRESH_AFTER_MS = 2 * 24 * 3600 * 1000;
export const MEDIA_LIFETIME_MS = 3 * 24 * 3600 * 1000;

@Injectable()
export class WelcomeMediaService {
  private readonly logger = new Logger(WelcomeMediaService.name);
  readonly media: TenantRepository<WelcomeMedia>;

  constructor(
    @InjectRepository(WelcomeMedia) private readonly repo: Repository<WelcomeMedia>,
    private readonly wecom: TenantWeCom,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {
    this.media = new TenantRepository(repo, 'Media');
  }

  /** Uploads now (the admin waits, the customer never does) and keeps the bytes for refreshes. */
  async create(tenantId: string, input: { type: WelcomeMediaType; filename: string; contentType: string; data: Buffer }): Promise<WelcomeMedia> {
    const client = await this.wecom.client(tenantId);
    const uploaded = await client.media.upload(input.type, { data: input.data, filename: input.filename, contentType: input.contentType });
    const row = this.media.create(tenantId, { ...input, mediaId: uploaded.media_id, uploadedAt: this.clock.now(), lastError: null });
    const saved = await this.media.save(row);
    return this.get(tenantId, saved.id);
  }

  list(tenantId: string): Promise<WelcomeMedia[]> {
    return this.media.find(tenantId, { order: { createdAt: 'DESC' } });
  }

  get(tenantId: string, id: string): Promise<WelcomeMedia> {
    return this.media.get(tenantId, { id });
  }

  /** media ids by asset id, only those still alive; the welcome path reads this and never uploads. */
  async liveMediaIds(tenantId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.media.find(tenantId, { where: { id: In(ids) } });
    const now = this.clock.now().getTime();
    return new Map(rows.filter((r) => r.mediaId && r.uploadedAt && now - r.uploadedAt.getTime() < MEDIA_LIFETIME_MS).map((r) => [r.id, r.mediaId as string]));
  }

  /** Re-uploads every asset uploaded more than 2 days ago (or never). One failure does not stop the rest. */
  async refreshDue(): Promise<{ refreshed: number; failed: number }> {
    const cutoff = new Date(this.clock.now().getTime() - MEDIA_REFRESH_AFTER_MS);
    let refreshed = 0;
    let failed = 0;
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      const due = await this.repo.find({
        where: [{ tenantId: tenant.id, uploadedAt: LessThan(cutoff) }, { tenantId: tenant.id, uploadedAt: IsNull() }],
        select: ['tenantId', 'id', 'type', 'filename', 'contentType', 'data'],
      });
      for (const row of due) {
        try {
          const client = await this.wecom.client(tenant.id);
          const up = await client.media.upload(row.type, { data: row.data, filename: row.filename, contentType: row.contentType });
          await this.media.update(tenant.id, { id: row.id }, { mediaId: up.media_id, uploadedAt: this.clock.now(), lastError: null });
          refreshed++;
        } catch (e) {
          failed++;
          this.logger.warn({ tenantId: tenant.id, mediaAssetId: row.id, err: (e as Error).message }, 'welcome media refresh failed');
          await this.media.update(tenant.id, { id: row.id }, { lastError: (e as Error).message.slice(0, 500) });
        }
      }
    }
    return { refreshed, failed };
  }
}
