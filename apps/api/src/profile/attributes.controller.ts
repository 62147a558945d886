import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AttributeDefinitions } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateAttributeDto, UpdateAttributeDto } from './dto/attribute.dto';
import { AttributeView } from './profile.views';

/** Custom customer attributes a tenant defines (values: PATCH /customers/:ref/attributes or the CSV import). */
@ApiTags('attributes')
@Controller('api/v1/attributes')
export class AttributesController {
  constructor(private readonly definitions: AttributeDefinitions) {}

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: AttributeView })
  @ApiBadRequestResponse({ description: 'Names the field (key, type, allowedValues)' })
  @ApiConflictResponse({ description: 'The key exists' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateAttributeDto): Promise<AttributeView> {
    return AttributeView.of(await this.definitions.create(tenantId, dto));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [AttributeView] })
  async list(@TenantId() tenantId: string): Promise<AttributeView[]> {
    return (await this.definitions.list(tenantId)).map(AttributeView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: AttributeView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<AttributeView> {
    return AttributeView.of(await this.definitions.get(tenantId, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: AttributeView })
  @ApiConflictResponse({ description: 'Customers hold values the change would make invalid (type change, enum value dropped)' })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAttributeDto): Promise<AttributeView> {
    return AttributeView.of(await this.definitions.update(tenantId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse({ description: 'The definition and every customer’s value of it are gone' })
  async remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.definitions.remove(tenantId, id);
  }
}
