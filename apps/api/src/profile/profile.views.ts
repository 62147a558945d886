import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AttributeDefinition, CustomerEventItem } from '@scrm/core';

export class AttributeView {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'date', 'enum'] }) type: string;
  @ApiProperty({ type: [String], nullable: true }) allowedValues: string[] | null;
  @ApiProperty() createdAt: Date;

  static of(d: AttributeDefinition): AttributeView {
    return Object.assign(new AttributeView(), { id: d.id, key: d.key, label: d.label, type: d.type, allowedValues: d.allowedValues, createdAt: d.createdAt });
  }
}

export class CustomerAttributesView {
  @ApiProperty() customerId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) attributes: Record<string, unknown>;
}

export class ImportErrorView {
  @ApiProperty({ description: 'CSV line the row starts on; the header is line 1' }) row: number;
  @ApiProperty({ description: 'Column name; empty when the whole row is malformed' }) column: string;
  @ApiProperty() message: string;
}

export class ImportResultView {
  @ApiProperty({ description: 'Rows written' }) applied: number;
  @ApiProperty({ description: 'Rows skipped whole' }) failed: number;
  @ApiProperty({ type: [ImportErrorView] }) errors: ImportErrorView[];
}

export class EventOutcomeView {
  @ApiProperty() idempotencyKey: string;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected'] }) status: string;
  @ApiPropertyOptional({ description: 'Why a rejected event was refused' }) reason?: string;
}

export class IngestResultView {
  @ApiProperty() accepted: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ type: [EventOutcomeView], description: 'One per event, in the order sent' }) results: EventOutcomeView[];
}

export class CustomerEventView {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ type: 'object', additionalProperties: true }) properties: Record<string, unknown>;
  @ApiProperty() idempotencyKey: string;
  @ApiProperty() receivedAt: Date;
}

export class CustomerEventsPageView {
  @ApiProperty({ type: [CustomerEventView] }) items: CustomerEventItem[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next (older) page; null at the end' }) nextCursor: string | null;
}
