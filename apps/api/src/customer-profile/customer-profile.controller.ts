import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CustomerProfileService, refFromPath } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, TenantPrincipal } from '@scrm/platform';
import { CustomerProfileView, TimelinePageView } from './customer-profile.views';
import { ProfileQuery, TimelineQuery } from './dto/profile.query';

/** The 360° view of one customer, named by our id, external_userid or (?by=unionid) unionid. */
@ApiTags('customers')
@Roles(...READERS)
@Controller('api/v1/customers')
export class CustomerProfileController {
  constructor(private readonly profiles: CustomerProfileService) {}

  @Get(':ref/profile')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: CustomerProfileView, description: 'Cached per customer and role; dropped when the customer changes' })
  @ApiNotFoundResponse({ description: 'No such customer in this tenant' })
  profile(@CurrentPrincipal() p: TenantPrincipal, @Param('ref') ref: string, @Query() q: ProfileQuery): Promise<string> {
    return this.profiles.profileJson(p, refFromPath(ref, q.by));
  }

  @Get(':ref/timeline')
  @ApiOkResponse({ type: TimelinePageView, description: 'timeline entries and reported events, newest first' })
  @ApiNotFoundResponse({ description: 'No such customer in this tenant' })
  timeline(@TenantId() tenantId: string, @Param('ref') ref: string, @Query() q: TimelineQuery): Promise<TimelinePageView> {
    return this.profiles.timelinePage(tenantId, refFromPath(ref, q.by), q.before, q.limit);
  }
}
