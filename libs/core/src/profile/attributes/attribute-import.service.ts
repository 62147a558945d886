import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { announceProfileChanged } from '../profile-changed';
import { CustomerRef, CustomerRefKind, CustomerRefResolver, key } from '../customer-ref';
import { AttributeDefinitions } from './attribute-definitions.service';
import { coerceAttributeValue } from './attribute-value';
import { CsvSyntaxError, parseCsv } from './csv';

export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Customers updated per statement. */
const BATCH = 1_000;

const REF_COLUMNS: Record<string, CustomerRefKind> = { external_userid: 'external_userid', unionid: 'unionid', id: 'id' };

export interface ImportRowError {
  /** The CSV line the row starts on (the header is line 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  applied: number;
  failed: number;
  errors: ImportRowError[];
}

/**
 * CSV import of attribute values: the first column names the customer (external_userid, unionid or id), the
 * others are attribute keys. The header is checked before anything is written; then each row is checked whole
 * (a bad cell or an unknown customer skips the row) and good rows are written in batches, one UPDATE each.
 * An empty cell leaves that value as it is.
 */
@Injectable()
export class AttributeImport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly refs: CustomerRefResolver,
    private readonly definitions: AttributeDefinitions,
    private readonly events: EventEmitter2,
  ) {}

  async import(tenantId: string, csv: string): Promise<ImportResult> {
    const records = readRecords(csv);
    const [header, ...rows] = records;
    if (!header) throw fieldError('header', 'the file is empty');
    if (rows.length > IMPORT_MAX_ROWS) throw fieldError('rows', `at most ${IMPORT_MAX_ROWS} rows per file`);
    const columns = header.fields.map((c) => c.trim());
    const refKind = REF_COLUMNS[columns[0]];
    if (!refKind) throw fieldError(columns[0] || 'header', 'the first column must be external_userid, unionid or id');
    const defs = await this.definitions.byKey(tenantId);
    const attrColumns = columns.slice(1);
    for (const c of attrColumns) if (!defs.has(c)) throw fieldError(c, 'no attribute has this key');
    if (new Set(columns).size !== columns.length) throw fieldError('header', 'a column appears twice');

    const errors: ImportRowError[] = [];
    const good: Array<{ ref: CustomerRef; line: number; values: Record<string, unknown> }> = [];
    for (const r of rows) {
      const rowErrors: ImportRowError[] = [];
      if (r.fields.length !== columns.length) rowErrors.push({ row: r.line, column: '', message: `has ${r.fields.length} fields, the header ${columns.length}` });
      const ref = (r.fields[0] ?? '').trim();
      if (!ref) rowErrors.push({ row: r.line, column: columns[0], message: 'empty' });
      const values: Record<string, unknown> = {};
      attrColumns.forEach((c, i) => {
        const cell = r.fields[i + 1];
        if (cell === undefined || cell === '') return;
        const v = coerceAttributeValue(defs.get(c)!, cell, true);
        if ('error' in v) rowErrors.push({ row: r.line, column: c, message: v.error });
        else values[c] = v.value;
      });
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else good.push({ ref: { kind: refKind, value: ref }, line: r.line, values });
    }

    const ids = await this.refs.resolve(tenantId, good.map((g) => g.ref));
    // A customer named on several rows gets their values merged in file order (a later row wins).
    const patches = new Map<string, Record<string, unknown>>();
    let applied = 0;
    for (const g of good) {
      const id = ids.get(key(g.ref));
      if (!id) {
        errors.push({ row: g.line, column: columns[0], message: 'no customer has this ' + columns[0] });
        continue;
      }
      patches.set(id, { ...patches.get(id), ...g.values });
      applied++;
    }
    await this.write(tenantId, [...patches.entries()]);
    const failedRows = new Set(errors.map((e) => e.row)).size;
    errors.sort((a, b) => a.row - b.row);
    return { applied, failed: failedRows, errors };
  }

  private async write(tenantId: string, patches: Array<[string, Record<string, unknown>]>): Promise<void> {
    for (let i = 0; i < patches.length; i += BATCH) {
      const batch = patches.slice(i, i + BATCH).filter(([, v]) => Object.keys(v).length > 0);
      if (batch.length === 0) continue;
      await this.db.query(
        `UPDATE customers c SET attributes = c.attributes || x.p::jsonb, updated_at = now()
           FROM unnest($2::uuid[], $3::text[]) AS x(id, p)
          WHERE c.tenant_id = $1 AND c.id = x.id`,
        [tenantId, batch.map(([id]) => id), batch.map(([, v]) => JSON.stringify(v))],
      );
      announceProfileChanged(this.events, tenantId, batch.map(([id]) => id));
    }
  }
}

function readRecords(csv: string) {
  try {
    return parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw fieldError('body', err.message);
    throw err;
  }
}
