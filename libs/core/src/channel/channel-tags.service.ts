import { Inject, Injectable } from '@nestjs/common';
import { RELATIONSHIP_TAGS, RelationshipTagsPort } from '../inbox/relationship-tags.port';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { ChannelService } from './channel.service';

/** Applies a channel's tags to the relationship an add created: in WeCom (mark_tag), then locally. */
@Injectable()
export class ChannelTagsService {
  constructor(
    private readonly channels: ChannelService,
    private readonly wecom: TenantWeCom,
    @Inject(RELATIONSHIP_TAGS) private readonly relationshipTags: RelationshipTagsPort,
  ) {}

  async apply(tenantId: string, channelId: string, userId: string, externalUserId: string): Promise<'done' | 'skipped'> {
    const channel = await this.channels.get(tenantId, channelId);
    if (!channel.enabled || channel.tagIds.length === 0) return 'skipped';
    const client = await this.wecom.client(tenantId);
    // mark_tag adding a tag already there is a no-op in WeCom, so a retried job is harmless.
    await client.tags.mark({ userid: userId, external_userid: externalUserId, add_tag: channel.tagIds });
    await this.relationshipTags.recordApplied(tenantId, { userId, externalUserId, tagIds: channel.tagIds, source: 'channel', sourceId: channel.id });
    return 'done';
  }
}
