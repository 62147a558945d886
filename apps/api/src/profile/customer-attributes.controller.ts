import { Body, Controller, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AttributeImport, AttributeValues, IMPORT_MAX_ROWS, refFromPath } from '@scrm/core';
import { fieldError, Roles, TenantId, WRITERS } from '@scrm/platform';
import { AttributeValuesDto } from './dto/attribute.dto';
import { CustomerRefQuery } from './dto/events.dto';
import { CustomerAttributesView, ImportResultView } from './profile.views';

@ApiTags('attributes')
@Controller('api/v1/customers')
export class CustomerAttributesController {
  constructor(
    private readonly values: AttributeValues,
    private readonly imports: AttributeImport,
  ) {}

  @Patch(':ref/attributes')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: CustomerAttributesView })
  @ApiBadRequestResponse({ description: 'Names values.<key>: unknown key, WeCom field, or a value of the wrong type' })
  @ApiNotFoundResponse({ description: 'No such customer in this tenant' })
  patch(@TenantId() tenantId: string, @Param('ref') ref: string, @Query() q: CustomerRefQuery, @Body() dto: AttributeValuesDto): Promise<CustomerAttributesView> {
    return this.values.patch(tenantId, refFromPath(ref, q.by), dto.values);
  }

  @Post('attributes/import')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'external_userid,membership_level,lifetime_value\nwmAbc,gold,1200\n' },
    description: `Content-Type text/csv, at most 5 MB and ${IMPORT_MAX_ROWS} rows. First column external_userid, unionid or id; the others attribute keys. An empty cell leaves the value unchanged.`,
  })
  @ApiOkResponse({ type: ImportResultView, description: 'A bad row is skipped whole; good rows are written' })
  @ApiBadRequestResponse({ description: 'Not CSV, malformed CSV, too many rows, or an unknown column (named) — nothing written' })
  import(@TenantId() tenantId: string, @Body() csv: unknown): Promise<ImportResultView> {
    if (typeof csv !== 'string') throw fieldError('body', 'send the file as Content-Type: text/csv');
    return this.imports.import(tenantId, csv);
  }
}
