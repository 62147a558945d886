import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RELATIONSHIP_TAGS } from '../inbox/relationship-tags.port';
import { WECOM_EVENT_HANDLER } from '../inbox/wecom-event-handler';
import { WeComModule } from '../wecom/wecom.module';
import { CorpTagGroup } from './entities/corp-tag-group.entity';
import { CorpTag } from './entities/corp-tag.entity';
import { Customer } from './entities/customer.entity';
import { GroupChatMember } from './entities/group-chat-member.entity';
import { GroupChat } from './entities/group-chat.entity';
import { RelationshipTag } from './entities/relationship-tag.entity';
import { Relationship } from './entities/relationship.entity';
import { StaffMember } from './entities/staff-member.entity';
import { TimelineEntry } from './entities/timeline-entry.entity';
import { ChatEventHandler } from './handlers/chat-event.handler';
import { ContactEventHandler } from './handlers/contact-event.handler';
import { TagEventHandler } from './handlers/tag-event.handler';
import { WeComEventDispatcher } from './handlers/wecom-event.dispatcher';
import { ContactsReadService } from './read/contacts-read.service';
import { RelationshipTagsService } from './relationship-tags.service';

export const CONTACT_ENTITIES = [StaffMember, Customer, Relationship, RelationshipTag, CorpTagGroup, CorpTag, GroupChat, GroupChatMember, TimelineEntry];

/**
 * Our copy of WeCom's customers, relationships, tags and group chats, kept true by callbacks.
 * Global because its ports (WECOM_EVENT_HANDLER, RELATIONSHIP_TAGS) are injected by other modules.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(CONTACT_ENTITIES), WeComModule],
  providers: [
    ContactEventHandler,
    ChatEventHandler,
    TagEventHandler,
    WeComEventDispatcher,
    RelationshipTagsService,
    ContactsReadService,
    { provide: WECOM_EVENT_HANDLER, useExisting: WeComEventDispatcher },
    { provide: RELATIONSHIP_TAGS, useExisting: RelationshipTagsService },
  ],
  exports: [WECOM_EVENT_HANDLER, RELATIONSHIP_TAGS, ContactsReadService, TypeOrmModule],
})
export class ContactsModule {}
