import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CustomerTagsService, refFromPath } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, type TenantPrincipal, WRITERS } from '@scrm/platform';
import { ChangeCustomerTagsDto } from './dto/customer-tags.dto';
import { CustomerTagView } from './tag.views';

const REF = { name: 'ref', description: 'Our customer id or the external_userid' };

/** The tags on one customer (every kind), as the caller may see them. */
@ApiTags('tags')
@Controller('api/v1/customers/:ref/tags')
export class CustomerTagsController {
  constructor(private readonly customerTags: CustomerTagsService) {}

  @Get()
  @Roles(...READERS)
  @ApiParam(REF)
  @ApiOkResponse({ type: [CustomerTagView] })
  list(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('ref') ref: string): Promise<CustomerTagView[]> {
    return this.customerTags.list(tenantId, p, refFromPath(ref));
  }

  @Post()
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiParam(REF)
  @ApiOkResponse({ type: [CustomerTagView], description: 'The customer’s tags after the change. Corp tags are marked in WeCom on every active relationship first' })
  @ApiBadRequestResponse({ description: 'Names the field: add.0.tagId unknown, add.0.weight on a corp tag, …' })
  @ApiConflictResponse({ description: 'Corp tags for a customer without an active relationship' })
  @ApiBadGatewayResponse({ description: 'WeCom refused mark_tag; the message is WeCom’s' })
  change(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('ref') ref: string, @Body() dto: ChangeCustomerTagsDto): Promise<CustomerTagView[]> {
    return this.customerTags.change(tenantId, p, refFromPath(ref), dto);
  }
}
