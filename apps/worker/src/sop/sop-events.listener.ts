import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CustomerAddedPayload, CustomerTagsChangedPayload, DomainEvent, GroupMembersChangedPayload, SopEnrolments } from '@scrm/core';

/** Enrols targets of event-triggered SOPs; errors fail the inbox event, whose retry enrols nobody twice. */
@Injectable()
export class SopEventsListener {
  constructor(private readonly enrolments: SopEnrolments) {}

  @OnEvent(DomainEvent.CustomerAdded, { suppressErrors: false })
  async onAdded(p: CustomerAddedPayload): Promise<void> {
    await this.enrolments.onCustomerAdded(p);
  }

  @OnEvent(DomainEvent.CustomerTagged, { suppressErrors: false })
  async onTagged(p: CustomerTagsChangedPayload): Promise<void> {
    await this.enrolments.onTagged(p);
  }

  @OnEvent(DomainEvent.GroupMemberJoined, { suppressErrors: false })
  async onJoined(p: GroupMembersChangedPayload): Promise<void> {
    await this.enrolments.onGroupJoined(p);
  }
}
