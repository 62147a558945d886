import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@scrm/platform';

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date', 'enum'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A custom customer attribute a tenant defined; values live in customers.attributes under `key`. */
@Entity('attribute_definitions')
@Index('uq_attribute_definitions_tenant_key', ['tenantId', 'key'], { unique: true })
export class AttributeDefinition extends TenantEntity {
  /** snake_case key used in customers.attributes, CSV headers and audience rules. */
  @Column({ length: 64 })
  key: string;

  @Column({ length: 128 })
  label: string;

  @Column({ type: 'varchar', length: 16 })
  type: AttributeType;

  /** For 'enum': the values allowed. */
  @Column({ type: 'text', array: true, nullable: true })
  allowedValues: string[] | null;
}
