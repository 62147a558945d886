import { ConflictException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { fieldError, TenantRepository } from '@scrm/platform';
import { DataSource, Repository } from 'typeorm';
import { announceProfileChanged } from '../profile-changed';
import { AttributeDefinition, AttributeType } from '../entities/attribute-definition.entity';

/** Customer fields that come from WeCom: readable everywhere, never set or shadowed through attributes. */
export const WECOM_FIELDS = [
  'id', 'external_userid', 'unionid', 'name', 'avatar', 'type', 'gender', 'position', 'corp_name', 'corp_full_name',
  'first_seen_at', 'last_seen_at',
] as const;

export interface AttributeDefinitionInput {
  key: string;
  label: string;
  type: AttributeType;
  allowedValues?: string[] | null;
}

/** The attributes a tenant defines for its customers. Values live in customers.attributes[key]. */
@Injectable()
export class AttributeDefinitions {
  readonly repo: TenantRepository<AttributeDefinition>;

  constructor(
    @InjectRepository(AttributeDefinition) repo: Repository<AttributeDefinition>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: EventEmitter2,
  ) {
    this.repo = new TenantRepository(repo, 'Attribute');
  }

  list(tenantId: string): Promise<AttributeDefinition[]> {
    return this.repo.find(tenantId, { order: { key: 'ASC' } });
  }

  get(tenantId: string, id: string): Promise<AttributeDefinition> {
    return this.repo.get(tenantId, { id });
  }

  /** Every definition of the tenant by key. */
  async byKey(tenantId: string): Promise<Map<string, AttributeDefinition>> {
    return new Map((await this.list(tenantId)).map((d) => [d.key, d]));
  }

  async create(tenantId: string, input: AttributeDefinitionInput): Promise<AttributeDefinition> {
    if ((WECOM_FIELDS as readonly string[]).includes(input.key)) throw fieldError('key', `${input.key} is a WeCom field`);
    if (await this.repo.findOne(tenantId, { key: input.key })) throw new ConflictException(`Attribute ${input.key} exists`);
    const def = this.repo.create(tenantId, { key: input.key, label: input.label, type: input.type, allowedValues: enumValues(input) });
    // The unique (tenant, key) index settles a race between two creates: the loser gets a 409 from the filter.
    return this.repo.save(def);
  }

  /**
   * The key never changes (CSV headers and rules name it). A type change, or an enum losing a value some customer
   * holds, would leave stored values invalid: 409 while any customer has a value that would no longer fit.
   */
  async update(tenantId: string, id: string, patch: Partial<Omit<AttributeDefinitionInput, 'key'>>): Promise<AttributeDefinition> {
    const def = await this.get(tenantId, id);
    const next = { type: patch.type ?? def.type, allowedValues: patch.allowedValues !== undefined ? patch.allowedValues : def.allowedValues };
    const allowedValues = enumValues(next);
    if (next.type !== def.type && (await this.inUse(tenantId, def.key))) {
      throw new ConflictException(`Attribute ${def.key} has values; its type cannot change (delete it and define a new key)`);
    }
    if (next.type === 'enum' && (await this.valuesOutside(tenantId, def.key, allowedValues ?? [])) > 0) {
      throw new ConflictException(`Some customers hold values of ${def.key} that allowedValues no longer lists`);
    }
    Object.assign(def, { label: patch.label ?? def.label, type: next.type, allowedValues });
    return this.repo.save(def);
  }

  /** Removes the definition and every customer's value of it, in one transaction. */
  async remove(tenantId: string, id: string): Promise<void> {
    const def = await this.get(tenantId, id);
    const changed = await this.db.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE customers SET attributes = attributes - $2::text WHERE tenant_id = $1 AND attributes ? $2 RETURNING id`,
        [tenantId, def.key],
      )) as [Array<{ id: string }>, number];
      await m.query(`DELETE FROM attribute_definitions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
      return rows.map((r) => r.id);
    });
    announceProfileChanged(this.events, tenantId, changed);
  }

  private async inUse(tenantId: string, key: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM customers WHERE tenant_id = $1 AND attributes ? $2 LIMIT 1`, [tenantId, key])) as unknown[];
    return rows.length > 0;
  }

  private async valuesOutside(tenantId: string, key: string, allowed: string[]): Promise<number> {
    const rows = (await this.db.query(
      `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND attributes ? $2 AND NOT (attributes->>$2 = ANY($3::text[]))`,
      [tenantId, key, allowed],
    )) as Array<{ n: number }>;
    return rows[0].n;
  }
}

function enumValues(input: Pick<AttributeDefinitionInput, 'type' | 'allowedValues'>): string[] | null {
  if (input.type !== 'enum') return null;
  const values = [...new Set(input.allowedValues ?? [])];
  if (values.length === 0) throw fieldError('allowedValues', 'an enum needs at least one allowed value');
  return values;
}
