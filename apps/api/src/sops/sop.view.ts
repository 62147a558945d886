import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SopDefinition, SopWithDefinition } from '@scrm/core';

export class SopView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'active', 'paused', 'archived'] }) status: string;
  @ApiProperty({ enum: ['customer', 'group'] }) target: string;
  @ApiProperty({ description: 'Current version; running enrolments keep the version they started with' }) version: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) trigger: SopDefinition['trigger'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) audience: SopDefinition['audience'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true }) groupFilter: SopDefinition['groupFilter'];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) steps: SopDefinition['steps'];
  @ApiPropertyOptional({ nullable: true }) nextFireAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) lastFiredAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of({ sop, definition }: SopWithDefinition): SopView {
    return Object.assign(new SopView(), {
      id: sop.id,
      name: sop.name,
      status: sop.status,
      target: sop.target,
      version: sop.currentVersion,
      trigger: definition.trigger,
      audience: definition.audience,
      groupFilter: definition.groupFilter,
      steps: definition.steps,
      nextFireAt: sop.nextFireAt,
      lastFiredAt: sop.lastFiredAt,
      createdAt: sop.createdAt,
      updatedAt: sop.updatedAt,
    });
  }
}
