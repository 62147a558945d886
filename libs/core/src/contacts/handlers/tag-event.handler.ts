import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ExternalTagEvent } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { CorpTagsChangedPayload, DomainEvent } from '../../events/domain-events';
import { TenantWeCom } from '../../wecom/tenant-wecom.service';
import { reconcileCorpTags } from '../stores/tag-mirror.store';
import { eventTime } from './wecom-details';

/**
 * change_external_tag (create / update / delete / shuffle). The event names one id at most and a group
 * delete names no tags, so every event re-reads the whole list and reconciles the mirror with it.
 */
@Injectable()
export class TagEventHandler {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly emitter: EventEmitter2,
  ) {}

  async handle(tenantId: string, event: ExternalTagEvent): Promise<'done'> {
    const groups = await (await this.wecom.client(tenantId)).tags.list();
    await this.db.transaction((m) => reconcileCorpTags(m, tenantId, groups));
    await this.emitter.emitAsync(DomainEvent.CorpTagsChanged, {
      tenantId,
      change: event.changeType,
      id: event.id || null,
      at: eventTime(event.createTime),
    } satisfies CorpTagsChangedPayload);
    return 'done';
  }
}
