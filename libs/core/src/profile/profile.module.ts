import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributeDefinitions } from './attributes/attribute-definitions.service';
import { AttributeImport } from './attributes/attribute-import.service';
import { AttributeValues } from './attributes/attribute-values.service';
import { AttributeDefinition } from './entities/attribute-definition.entity';
import { CustomerEvent } from './entities/customer-event.entity';
import { CustomerEventsReader } from './events/customer-events.reader';
import { EventIngestion } from './events/event-ingestion.service';

/** Custom attributes (definitions, values, CSV import) and behaviour events (ingestion, per-customer pages). */
@Module({
  imports: [TypeOrmModule.forFeature([AttributeDefinition, CustomerEvent])],
  providers: [AttributeDefinitions, AttributeValues, AttributeImport, EventIngestion, CustomerEventsReader],
  exports: [AttributeDefinitions, AttributeValues, AttributeImport, EventIngestion, CustomerEventsReader],
})
export class ProfileModule {}
