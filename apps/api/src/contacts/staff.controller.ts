import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactsReadService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { StaffView } from './views/staff.view';

@ApiTags('staff')
@Roles(...READERS)
@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly read: ContactsReadService) {}

  @Get()
  @ApiOkResponse({ type: [StaffView], description: 'WeCom members as the last sync saw them' })
  list(@TenantId() tenantId: string): Promise<StaffView[]> {
    return this.read.staff<StaffView>(tenantId);
  }
}
