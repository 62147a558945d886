import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactsReadService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { CustomerFilterQueryDto } from './dto/customer-filter.query';
import { CustomerDetailView, CustomerPageView, CustomerView } from './views/customer.view';

@ApiTags('customers')
@Roles(...READERS)
@Controller('api/v1/customers')
export class CustomersController {
  constructor(private readonly read: ContactsReadService) {}

  @Get()
  @ApiOkResponse({ type: CustomerPageView })
  list(@TenantId() tenantId: string, @Query() q: CustomerFilterQueryDto): Promise<CustomerPageView> {
    return this.read.customers<CustomerView>(tenantId, q);
  }

  @Get(':externalUserId')
  @ApiOkResponse({ type: CustomerDetailView })
  @ApiNotFoundResponse({ description: 'No such customer in this tenant' })
  get(@TenantId() tenantId: string, @Param('externalUserId') externalUserId: string): Promise<CustomerDetailView> {
    return this.read.customer<CustomerDetailView>(tenantId, externalUserId);
  }
}
