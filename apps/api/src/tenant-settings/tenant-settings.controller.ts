import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantService, TenantView } from '@scrm/core';
import { ADMINS, READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { QuietHoursDto } from './dto/quiet-hours.dto';
import { UpdateWeComSettingsDto } from './dto/update-wecom-settings.dto';

/** The caller's own tenant. Secrets can be replaced here but are never shown. */
@ApiTags('tenant')
@Controller('api/v1/tenant')
export class TenantSettingsController {
  constructor(private readonly tenants: TenantService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: TenantView })
  async get(@TenantId() tenantId: string): Promise<TenantView> {
    return TenantView.of(await this.tenants.get(tenantId));
  }

  @Put('wecom')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: TenantView })
  async updateWeCom(@TenantId() tenantId: string, @Body() dto: UpdateWeComSettingsDto): Promise<TenantView> {
    return TenantView.of(await this.tenants.updateWeCom(tenantId, dto));
  }

  @Put('quiet-hours')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TenantView })
  async setQuietHours(@TenantId() tenantId: string, @Body() dto: QuietHoursDto): Promise<TenantView> {
    return TenantView.of(await this.tenants.setQuietHours(tenantId, dto.start && dto.end ? { start: dto.start, end: dto.end } : null));
  }
}
