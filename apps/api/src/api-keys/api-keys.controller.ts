import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessTokenService } from '@scrm/core';
import { ADMINS, Roles, TenantId } from '@scrm/platform';
import { ApiKeyView } from './api-key.view';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

/** Keys for integrations; they act with the role they were created with until revoked. */
@ApiTags('api-keys')
@Roles(...ADMINS)
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Post()
  @ApiOkResponse({ type: ApiKeyView })
  async create(@TenantId() tenantId: string, @Body() dto: CreateApiKeyDto): Promise<ApiKeyView> {
    const { token, record } = await this.tokens.issue(tenantId, { kind: 'api_key', role: dto.role, name: dto.name });
    return ApiKeyView.of(record, token);
  }

  @Get()
  @ApiOkResponse({ type: [ApiKeyView] })
  async list(@TenantId() tenantId: string): Promise<ApiKeyView[]> {
    return (await this.tokens.list(tenantId, 'api_key')).map((t) => ApiKeyView.of(t));
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tokens.revoke(tenantId, id, 'api_key');
  }
}
