import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccessToken } from '@scrm/core';
import { TenantRole } from '@scrm/platform';

export class ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() role: TenantRole;
  @ApiProperty({ description: 'First characters of the key, to recognise it' }) displayPrefix: string;
  @ApiProperty({ nullable: true, type: Date }) lastUsedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ description: 'The key itself: shown once, at creation' }) key?: string;

  static of(t: AccessToken, key?: string): ApiKeyView {
    return Object.assign(new ApiKeyView(), {
      id: t.id,
      name: t.name,
      role: t.role,
      displayPrefix: t.displayPrefix,
      lastUsedAt: t.lastUsedAt,
      createdAt: t.createdAt,
      ...(key ? { key } : {}),
    });
  }
}
