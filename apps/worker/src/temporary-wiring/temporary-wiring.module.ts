import { Global, Module } from '@nestjs/common';
import { RELATIONSHIP_TAGS, WECOM_EVENT_HANDLER, WeComModule } from '@scrm/core';
import { TemporaryEventHandler } from './temporary-event-handler';
import { TemporaryRelationshipTags } from './temporary-relationship-tags';

/** TEMPORARY (deleted when events merges): see README.md. */
@Global()
@Module({
  imports: [WeComModule],
  providers: [
    TemporaryEventHandler,
    TemporaryRelationshipTags,
    { provide: WECOM_EVENT_HANDLER, useExisting: TemporaryEventHandler },
    { provide: RELATIONSHIP_TAGS, useExisting: TemporaryRelationshipTags },
  ],
  exports: [WECOM_EVENT_HANDLER, RELATIONSHIP_TAGS, TemporaryRelationshipTags],
})
export class TemporaryWiringModule {}
