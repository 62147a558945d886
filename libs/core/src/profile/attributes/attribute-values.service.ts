import { Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, invalidFields } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { announceProfileChanged } from '../profile-changed';
import { CustomerRef, CustomerRefResolver } from '../customer-ref';
import { AttributeDefinitions, WECOM_FIELDS } from './attribute-definitions.service';
import { coerceAttributeValue } from './attribute-value';

export interface CustomerAttributes {
  customerId: string;
  attributes: Record<string, unknown>;
}

/** Sets and removes one customer's custom attribute values, each checked against its definition. */
@Injectable()
export class AttributeValues {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refs: CustomerRefResolver,
    private readonly definitions: AttributeDefinitions,
    private readonly events: EventEmitter2,
  ) {}

  /** `null` removes a value. Every key is checked before anything is written: one bad key writes nothing. */
  async patch(tenantId: string, ref: CustomerRef, values: Record<string, unknown>): Promise<CustomerAttributes> {
    const defs = await this.definitions.byKey(tenantId);
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    const errors: FieldError[] = [];
    for (const [k, raw] of Object.entries(values)) {
      const def = defs.get(k);
      const fail = (e: string) => errors.push({ field: `values.${k}`, errors: [e] });
      if ((WECOM_FIELDS as readonly string[]).includes(k)) fail('a WeCom field: read-only here');
      else if (!def) fail('no attribute has this key');
      else if (raw === null) unset.push(k);
      else {
        const v = coerceAttributeValue(def, raw);
        if ('error' in v) fail(v.error);
        else set[k] = v.value;
      }
    }
    if (errors.length > 0) throw invalidFields(errors);
    const customerId = await this.refs.resolveOne(tenantId, ref);
    if (!customerId) throw new NotFoundException('Customer not found');
    const rows = (await this.db.query(
      `UPDATE customers SET attributes = (attributes || $3::jsonb) - $4::text[], updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING attributes`,
      [tenantId, customerId, JSON.stringify(set), unset],
    )) as [Array<{ attributes: Record<string, unknown> }>, number];
    announceProfileChanged(this.events, tenantId, [customerId]);
    return { customerId, attributes: rows[0][0].attributes };
  }

  async get(tenantId: string, ref: CustomerRef): Promise<CustomerAttributes> {
    const customerId = await this.refs.resolveOne(tenantId, ref);
    if (!customerId) throw new NotFoundException('Customer not found');
    const rows = (await this.db.query(`SELECT attributes FROM customers WHERE tenant_id = $1 AND id = $2`, [tenantId, customerId])) as Array<{
      attributes: Record<string, unknown>;
    }>;
    return { customerId, attributes: rows[0].attributes };
  }
}
