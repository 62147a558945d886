import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How an API caller names a customer: our id (customers.id), WeCom's external_userid, or the WeChat unionid. */
export type CustomerRefKind = 'id' | 'external_userid' | 'unionid';
export interface CustomerRef {
  kind: CustomerRefKind;
  value: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A bare path value: a uuid is our id, anything else an external_userid (WeCom's ids are never uuids). */
export function refFromPath(value: string, by?: CustomerRefKind): CustomerRef {
  if (by) return { kind: by, value };
  return UUID.test(value) ? { kind: 'id', value } : { kind: 'external_userid', value };
}

/** Resolves customer refs to customers.id in one query per kind; refs that name no customer are absent from the map. */
@Injectable()
export class CustomerRefResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resolveOne(tenantId: string, ref: CustomerRef): Promise<string | null> {
    const found = await this.resolve(tenantId, [ref]);
    return found.get(key(ref)) ?? null;
  }

  /** Keys of the answer are `${kind}:${value}`. */
  async resolve(tenantId: string, refs: CustomerRef[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const column: Record<CustomerRefKind, string> = { id: 'id::text', external_userid: 'external_user_id', unionid: 'unionid' };
    for (const kind of ['id', 'external_userid', 'unionid'] as const) {
      // A NUL cannot be stored in Postgres text, so no customer has it (and the query would fail on it).
      const values = [...new Set(refs.filter((r) => r.kind === kind && (kind !== 'id' || UUID.test(r.value)) && !r.value.includes('\0')).map((r) => r.value))];
      if (values.length === 0) continue;
      const rows = (await this.db.query(
        `SELECT id, ${column[kind]} AS v FROM customers WHERE tenant_id = $1 AND ${column[kind]} = ANY($2::text[])`,
        [tenantId, values],
      )) as Array<{ id: string; v: string }>;
      for (const r of rows) out.set(`${kind}:${r.v}`, r.id);
    }
    return out;
  }
}

export function key(ref: CustomerRef): string {
  return `${ref.kind}:${ref.value}`;
}
