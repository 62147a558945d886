import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock, CustomerEventsReader, decodeEventsCursor, encodeEventsCursor, EventIngestion, refFromPath } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CustomerEventsQuery, EventsBatchDto } from './dto/events.dto';
import { parseEvents } from './dto/parse-events';
import { CustomerEventsPageView, IngestResultView } from './profile.views';

@ApiTags('events')
@Controller('api/v1')
export class EventsController {
  constructor(
    private readonly ingestion: EventIngestion,
    private readonly reader: CustomerEventsReader,
    private readonly clock: Clock,
  ) {}

  @Post('events')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: IngestResultView, description: 'Per event: accepted, duplicate (key seen before) or rejected (unknown customer)' })
  @ApiBadRequestResponse({ description: 'The whole batch is refused, naming the field (events.3.occurredAt); more than 1,000 events' })
  ingest(@TenantId() tenantId: string, @Body() dto: EventsBatchDto): Promise<IngestResultView> {
    return this.ingestion.ingest(tenantId, parseEvents(dto.events, this.clock.now()));
  }

  @Get('customers/:ref/events')
  @Roles(...READERS)
  @ApiOkResponse({ type: CustomerEventsPageView, description: 'Behaviour events, newest first' })
  @ApiNotFoundResponse({ description: 'No such customer in this tenant' })
  async list(@TenantId() tenantId: string, @Param('ref') ref: string, @Query() q: CustomerEventsQuery): Promise<CustomerEventsPageView> {
    const page = await this.reader.pageOf(tenantId, refFromPath(ref, q.by), decodeEventsCursor(q.cursor), q.limit ?? 50);
    return { items: page.items, nextCursor: encodeEventsCursor(page.next) };
  }
}
