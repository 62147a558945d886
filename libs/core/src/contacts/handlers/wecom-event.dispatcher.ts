import { Injectable, Logger } from '@nestjs/common';
import { WeComEvent } from '@scrm/wechat-work-sdk';
import { HandleResult, InboxEventMeta, WeComEventHandler } from '../../inbox/wecom-event-handler';
import { ChatEventHandler } from './chat-event.handler';
import { AddCarry, ContactEventHandler } from './contact-event.handler';
import { TagEventHandler } from './tag-event.handler';

/** The WECOM_EVENT_HANDLER: routes a stored callback to its family's handler. */
@Injectable()
export class WeComEventDispatcher implements WeComEventHandler {
  private readonly logger = new Logger(WeComEventDispatcher.name);

  constructor(
    private readonly contacts: ContactEventHandler,
    private readonly chats: ChatEventHandler,
    private readonly tags: TagEventHandler,
  ) {}

  async handle(tenantId: string, event: WeComEvent, meta: InboxEventMeta): Promise<HandleResult> {
    if (event.kind === 'unknown') {
      this.logger.log({ tenantId, inboxId: meta.inboxId, reason: event.reason }, 'unhandled WeCom event skipped');
      return 'skipped';
    }
    switch (event.event) {
      case 'change_external_contact':
        return this.contacts.handle(tenantId, event, meta);
      case 'change_external_chat':
        return this.chats.handle(tenantId, event, meta);
      case 'change_external_tag':
        return this.tags.handle(tenantId, event);
    }
  }

  /** Only an add answers a follow-up (its bookkeeping after the welcome). */
  async finish(tenantId: string, event: WeComEvent, carry: unknown, meta: InboxEventMeta): Promise<'done' | 'skipped'> {
    if (event.kind !== 'add_external_contact' && event.kind !== 'add_half_external_contact') throw new Error(`no follow-up for ${event.kind} events`);
    return this.contacts.finishAdd(tenantId, event, carry as AddCarry, meta);
  }
}
