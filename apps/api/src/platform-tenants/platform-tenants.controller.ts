import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantService, TenantView } from '@scrm/core';
import { OperatorOnly } from '@scrm/platform';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { UpdateTenantStatusDto } from './dto/update-tenant-status.dto';

/** The platform operator's routes: one tenant per WeCom corp. */
@ApiTags('platform')
@OperatorOnly()
@Controller('api/v1/platform/tenants')
export class PlatformTenantsController {
  constructor(private readonly tenants: TenantService) {}

  @Post()
  @ApiOkResponse({ type: TenantView })
  async create(@Body() dto: CreateTenantDto): Promise<TenantView> {
    return TenantView.of(await this.tenants.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [TenantView] })
  async list(): Promise<TenantView[]> {
    return (await this.tenants.list()).map(TenantView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: TenantView })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<TenantView> {
    return TenantView.of(await this.tenants.get(id));
  }

  @Patch(':id/status')
  @ApiOkResponse({ type: TenantView })
  async setStatus(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTenantStatusDto): Promise<TenantView> {
    return TenantView.of(await this.tenants.setStatus(id, dto.status));
  }
}
